using System.Text;
using TopSharp.Core.Native;

namespace TopSharp.Core.Users;

/// <summary>
/// UID → user name from the root's <c>etc/passwd</c>, read again only when the file's mtime, size
/// or inode changes (one statx(2) per pass). A root without etc/passwd has no names (the UI shows
/// numbers) and, each pass, the reader's diagnostic saying so.
/// </summary>
internal sealed unsafe class UserNameCache(KernelRoot root)
{
    private readonly byte[] _nulTerminatedPath = Encoding.UTF8.GetBytes(root.Etc("passwd") + "\0");
    private FileStamp? _stamp;
    private bool _read;
    private IReadOnlyDictionary<int, string> _names = new Dictionary<int, string>();
    private ParseDiagnostic[] _diagnostics = [];

    /// <summary>The names, and again each pass any diagnostic from the last read of the file.</summary>
    public IReadOnlyDictionary<int, string> Get(KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        FileStamp? stamp = Stamp();
        if (!_read || stamp != _stamp)
        {
            _read = true;
            _stamp = stamp;
            (_names, _diagnostics) = Read(file);
        }
        diagnostics.AddRange(_diagnostics);
        return _names;
    }

    private (IReadOnlyDictionary<int, string>, ParseDiagnostic[]) Read(KernelFile file)
    {
        var diagnostics = new List<ParseDiagnostic>();
        Dictionary<int, string> names = PasswdReader.Read(root, file, diagnostics);
        return (names, [.. diagnostics]);
    }

    private FileStamp? Stamp()
    {
        Statx st;
        fixed (byte* p = _nulTerminatedPath)
            if (LibC.statx(LibC.AT_FDCWD, p, 0, LibC.STATX_MTIME | LibC.STATX_SIZE | LibC.STATX_INO, &st) != 0)
                return null;
        return new FileStamp(st.MtimeSec, st.MtimeNsec, st.Size, st.Ino);
    }

    private readonly record struct FileStamp(long MtimeSec, uint MtimeNsec, ulong Size, ulong Ino);
}
