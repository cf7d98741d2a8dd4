using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using TopSharp.Core.Native;

namespace TopSharp.Core.Processes;

/// <summary>What became of one read below /proc.</summary>
internal enum ProcRead
{
    Ok,
    /// <summary>ENOENT or ESRCH: the process or thread exited; it is absent, not an error.</summary>
    Gone,
    /// <summary>EACCES or EPERM: the file is the owner's or root's only (io, for example).</summary>
    Denied,
    /// <summary>Any other error.</summary>
    Failed,
}

/// <summary>
/// A root's <c>proc/</c> directory, opened once per pass. Reads <c>PID/file</c> and
/// <c>PID/task/TID/file</c> with openat(2) on its descriptor, building each relative path in a
/// reused byte buffer and reading into a reused content buffer, so a read allocates nothing.
/// Not thread-safe; the content span is valid until the next read.
/// </summary>
internal sealed unsafe class ProcDirectory : IDisposable
{
    private readonly byte[] _path = new byte[96];
    private byte[] _content = new byte[4096];
    private byte[] _entries = new byte[32 * 1024];
    private int _fd = -1;

    /// <summary>The errno of the last read that was not <see cref="ProcRead.Ok"/>.</summary>
    public int LastErrno { get; private set; }

    /// <summary>The directory's path, as opened; used only to name a file in a diagnostic.</summary>
    public string Path { get; private set; } = "";

    /// <summary>Opens <paramref name="procPath"/>; false when it is missing or unreadable.</summary>
    public bool Open(string procPath)
    {
        Close();
        Path = procPath;
        _fd = OpenAt(LibC.AT_FDCWD, Encoding.UTF8.GetBytes(procPath + "\0"));
        return _fd >= 0;
    }

    public void Close()
    {
        if (_fd >= 0) LibC.close(_fd);
        _fd = -1;
    }

    /// <summary>Appends the PIDs (numeric entries) of the directory to <paramref name="pids"/>.</summary>
    public bool TryListPids(List<int> pids) => ListNumericEntries(_fd, pids);

    /// <summary>Appends the thread IDs in <c>PID/task</c> to <paramref name="tids"/>; false when the process is gone.</summary>
    public bool TryListTasks(int pid, List<int> tids)
    {
        int length = BuildPath(pid, 0, "task"u8);
        int fd = OpenAt(_fd, _path.AsSpan(0, length + 1));
        if (fd < 0) return false;
        try
        {
            return ListNumericEntries(fd, tids);
        }
        finally
        {
            LibC.close(fd);
        }
    }

    /// <summary>The owner of <c>PID/</c>, which procfs sets to the process's effective UID.</summary>
    public bool TryGetOwner(int pid, out int uid)
    {
        BuildPath(pid, 0, default);
        fixed (byte* p = _path)
            return TryStatxUid(_fd, p, 0, out uid);
    }

    /// <summary>The owner of the directory <paramref name="fd"/> names (opened by <see cref="OpenFile"/> with no file).</summary>
    public static bool TryGetOwnerOf(int fd, out int uid)
    {
        byte empty = 0;
        return TryStatxUid(fd, &empty, LibC.AT_EMPTY_PATH, out uid);
    }

    private static bool TryStatxUid(int dirfd, byte* path, int flags, out int uid)
    {
        Statx st;
        if (LibC.statx(dirfd, path, flags, LibC.STATX_UID, &st) != 0)
        {
            uid = -1;
            return false;
        }
        uid = (int)st.Uid;
        return true;
    }

    /// <summary>
    /// Opens <c>PID/file</c> for reading, or <c>PID/</c> itself as an O_PATH descriptor when
    /// <paramref name="file"/> is empty; the caller closes <paramref name="fd"/>.
    /// </summary>
    public ProcRead OpenFile(int pid, ReadOnlySpan<byte> file, out int fd)
    {
        int length = BuildPath(pid, 0, file);
        fd = OpenAt(_fd, _path.AsSpan(0, length + 1), file.IsEmpty ? LibC.O_PATH : LibC.O_RDONLY);
        return fd >= 0 ? ProcRead.Ok : Classify(Marshal.GetLastPInvokeError());
    }

    /// <summary>Reads an open file from its start (pread(2) at offset 0: a seq_file starts over); valid until the next read.</summary>
    public ProcRead ReadFromStart(int fd, out ReadOnlySpan<byte> content) => ReadAll(fd, out content);

    /// <summary>Reads <c>PID/file</c>, or <c>PID/task/TID/file</c> when <paramref name="tid"/> is not 0.</summary>
    public ProcRead TryRead(int pid, int tid, ReadOnlySpan<byte> file, out ReadOnlySpan<byte> content)
    {
        content = default;
        int length = BuildPath(pid, tid, file);
        int fd = OpenAt(_fd, _path.AsSpan(0, length + 1));
        if (fd < 0) return Classify(Marshal.GetLastPInvokeError());
        try
        {
            return ReadAll(fd, out content);
        }
        finally
        {
            LibC.close(fd);
        }
    }

    /// <summary>The full path of <c>PID/file</c> or <c>PID/task/TID/file</c>, for a diagnostic.</summary>
    public string PathOf(int pid, int tid, ReadOnlySpan<byte> file)
    {
        int length = BuildPath(pid, tid, file);
        return System.IO.Path.Join(Path, Encoding.UTF8.GetString(_path, 0, length));
    }

    private ProcRead ReadAll(int fd, out ReadOnlySpan<byte> content)
    {
        content = default;
        int total = 0;
        while (true)
        {
            if (total == _content.Length) Array.Resize(ref _content, _content.Length * 2);
            nint n;
            fixed (byte* p = _content)
                n = LibC.pread(fd, p + total, (nuint)(_content.Length - total), total);
            if (n < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EINTR) continue;
                return Classify(errno);
            }
            total += (int)n;
            // seq_file (most of procfs) and regular files return less than asked only at the end,
            // so a short read saves the read(2) that would return 0.
            if (n == 0 || total < _content.Length) break;
        }
        content = _content.AsSpan(0, total);
        return ProcRead.Ok;
    }

    /// <summary>Writes <c>PID[/task/TID][/file]</c> and a NUL to the path buffer; returns the length without the NUL.</summary>
    private int BuildPath(int pid, int tid, ReadOnlySpan<byte> file)
    {
        Span<byte> path = _path;
        Utf8Formatter.TryFormat(pid, path, out int n);
        if (tid != 0)
        {
            "/task/"u8.CopyTo(path[n..]);
            n += 6;
            Utf8Formatter.TryFormat(tid, path[n..], out int written);
            n += written;
        }
        if (!file.IsEmpty)
        {
            path[n++] = (byte)'/';
            file.CopyTo(path[n..]);
            n += file.Length;
        }
        path[n] = 0;
        return n;
    }

    private bool ListNumericEntries(int fd, List<int> into)
    {
        if (fd < 0) return false;
        while (true)
        {
            nint n;
            fixed (byte* p = _entries)
                n = LibC.getdents64(fd, p, (nuint)_entries.Length);
            if (n < 0) return false;
            if (n == 0) return true;
            DirectoryEntries.AppendNumericNames(_entries.AsSpan(0, (int)n), into);
        }
    }

    private static int OpenAt(int dirfd, ReadOnlySpan<byte> nulTerminatedPath, int flags = LibC.O_RDONLY)
    {
        fixed (byte* p = nulTerminatedPath)
            return LibC.openat(dirfd, p, flags | LibC.O_CLOEXEC);
    }

    private ProcRead Classify(int errno)
    {
        LastErrno = errno;
        return errno switch
        {
            LibC.ENOENT or LibC.ESRCH => ProcRead.Gone,
            LibC.EACCES or LibC.EPERM => ProcRead.Denied,
            _ => ProcRead.Failed,
        };
    }

    public void Dispose() => Close();
}
