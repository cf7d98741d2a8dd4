using System.Text;
using TopSharp.Core.Native;

namespace TopSharp.Core.Users;

/// <summary>
/// UID → user name from the root's <c>etc/passwd</c>, read again only when the file's mtime, size
/// or inode changes (one statx(2) per pass). A root without etc/passwd has no names: the UI shows numbers.
/// </summary>
internal sealed unsafe class UserNameCache(KernelRoot root)
{
    private static readonly IReadOnlyDictionary<int, string> NoNames = new Dictionary<int, string>();

    private readonly string _path = root.Etc("passwd");
    private readonly byte[] _nulTerminatedPath = Encoding.UTF8.GetBytes(root.Etc("passwd") + "\0");
    private FileStamp? _stamp;
    private IReadOnlyDictionary<int, string> _names = NoNames;
    private ParseDiagnostic[] _diagnostics = [];

    /// <summary>The names, and again each pass any diagnostic from the last read of the file.</summary>
    public IReadOnlyDictionary<int, string> Get(KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        FileStamp? stamp = Stamp();
        if (stamp != _stamp)
        {
            _stamp = stamp;
            (_names, _diagnostics) = stamp is null ? (NoNames, []) : Read(file);
        }
        diagnostics.AddRange(_diagnostics);
        return _names;
    }

    private (IReadOnlyDictionary<int, string>, ParseDiagnostic[]) Read(KernelFile file)
    {
        var diagnostics = new List<ParseDiagnostic>();
        IReadOnlyDictionary<int, string> names = NoNames; // TEMP;
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
