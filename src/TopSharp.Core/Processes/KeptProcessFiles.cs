using TopSharp.Core.Native;

namespace TopSharp.Core.Processes;

/// <summary>
/// Keeps <c>/proc/PID/stat</c>, <c>statm</c> and the <c>PID/</c> directory open between passes, so a pass
/// reads each again with one pread(2) at offset 0 (a seq_file starts over) and the owner with one statx(2)
/// on the directory's descriptor, instead of openat, read and close and a statx by path: the path walks
/// and the seq_file set-up were a third of the sampler's system time.
/// <para>
/// A descriptor pins the process it was opened for (procfs holds its struct pid), not its number: once
/// that process exits, a read gives ESRCH even if a new process already has the PID. The files are then
/// opened again by path, for whoever holds the PID now, and its starttime tells the name cache it is a new
/// (pid, starttime). A PID not listed in a pass has its descriptors closed.
/// </para>
/// <para>
/// Bounded: at most <see cref="Limit"/> processes keep files (three descriptors each), so 50,000 processes
/// cannot exhaust the descriptor table; the rest are read by path as before. Only for a live procfs: a
/// captured tree's regular files would keep showing a replaced file's old content.
/// </para>
/// </summary>
internal sealed class KeptProcessFiles(int limit) : IDisposable
{
    /// <summary>The most processes whose files are kept, whatever the descriptor limit.</summary>
    public const int MaximumLimit = 4096;

    /// <summary>Descriptors left to the rest of the program (the terminal, eBPF maps, files read by path).</summary>
    private const ulong ReservedDescriptors = 1024;

    private sealed class Entry
    {
        public int Directory = -1, Stat = -1, Statm = -1;
        public int Pass;
    }

    private readonly Dictionary<int, Entry> _entries = [];
    private int _pass;

    /// <summary>Processes whose files are kept at most.</summary>
    public int Limit { get; } = limit;

    /// <summary>Processes whose files are kept now, for tests.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The default <see cref="Limit"/>: a third of the descriptors the soft RLIMIT_NOFILE leaves above
    /// <see cref="ReservedDescriptors"/>, and at most <see cref="MaximumLimit"/>.
    /// </summary>
    public static unsafe int DefaultLimit()
    {
        RLimit limit;
        if (LibC.getrlimit(LibC.RLIMIT_NOFILE, &limit) != 0 || limit.Cur <= ReservedDescriptors) return 0;
        return (int)Math.Min((limit.Cur - ReservedDescriptors) / 3, MaximumLimit);
    }

    public void BeginPass() => _pass++;

    /// <summary>Reads <c>PID/stat</c> (<paramref name="statm"/> false) or <c>PID/statm</c>.</summary>
    public ProcRead TryRead(ProcDirectory proc, int pid, bool statm, out ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> file = statm ? "statm"u8 : "stat"u8;
        if (Get(pid) is not { } entry) return proc.TryRead(pid, 0, file, out content);
        ref int fd = ref statm ? ref entry.Statm : ref entry.Stat;
        if (fd >= 0)
        {
            ProcRead kept = proc.ReadFromStart(fd, out content);
            if (kept != ProcRead.Gone) return kept;
            // The process this was opened for has exited; the PID may already be a newcomer's.
            Close(entry);
        }
        ProcRead opened = proc.OpenFile(pid, file, out fd);
        if (opened == ProcRead.Ok) return proc.ReadFromStart(fd, out content);
        content = default;
        return opened;
    }

    /// <summary>The owner of <c>PID/</c> (the process's effective UID); false when the process is gone.</summary>
    public bool TryGetOwner(ProcDirectory proc, int pid, out int uid)
    {
        if (Get(pid) is not { } entry) return proc.TryGetOwner(pid, out uid);
        if (entry.Directory < 0 && proc.OpenFile(pid, default, out entry.Directory) != ProcRead.Ok)
        {
            uid = -1;
            return false;
        }
        return ProcDirectory.TryGetOwnerOf(entry.Directory, out uid);
    }

    /// <summary>Closes the files of the processes this pass did not list.</summary>
    public void EndPass()
    {
        foreach ((int pid, Entry entry) in _entries)
            if (entry.Pass != _pass)
            {
                Close(entry);
                _entries.Remove(pid);
            }
    }

    /// <summary>The PID's entry, made if there is room; marks it listed in this pass.</summary>
    private Entry? Get(int pid)
    {
        if (!_entries.TryGetValue(pid, out Entry? entry))
        {
            if (_entries.Count >= Limit) return null;
            _entries[pid] = entry = new Entry();
        }
        entry.Pass = _pass;
        return entry;
    }

    private static void Close(Entry entry)
    {
        foreach (int fd in (ReadOnlySpan<int>)[entry.Directory, entry.Stat, entry.Statm])
            if (fd >= 0) LibC.close(fd);
        entry.Directory = entry.Stat = entry.Statm = -1;
    }

    public void Dispose()
    {
        foreach (Entry entry in _entries.Values) Close(entry);
        _entries.Clear();
    }
}
