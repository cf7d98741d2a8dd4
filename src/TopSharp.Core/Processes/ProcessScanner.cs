using System.Diagnostics.CodeAnalysis;

namespace TopSharp.Core.Processes;

/// <summary>
/// Reads every process below a root's <c>proc/</c> in one pass: stat, statm, the cached comm and
/// cmdline, the UID, and the files <see cref="ProcessFiles"/> asks for. A process that vanishes
/// mid-read is left out; a file that does not parse becomes a diagnostic naming its path.
/// Keeps its buffers and caches between passes; one pass at a time.
/// </summary>
internal sealed class ProcessScanner(KernelRoot root, int keptProcesses) : IDisposable
{
    private readonly ProcDirectory _proc = new();
    /// <summary>stat, statm and PID/ kept open between passes; on a live root only (a limit of 0 reads every file by path).</summary>
    private readonly KeptProcessFiles _kept = new(root.IsLive ? keptProcesses : 0);
    private readonly ProcessNameCache _names = new();
    private readonly ThreadScanner _threads = new();
    private readonly List<int> _pids = [];
    private readonly List<ProcessSample> _samples = [];

    /// <summary>
    /// On a live root the owner of /proc/PID is the process's effective UID; in a captured tree
    /// the copier owns every file, so the UID comes from status.
    /// </summary>
    private readonly bool _ownerIsUid = root.IsLive;

    /// <summary>Entries in the comm/cmdline cache (processes and threads).</summary>
    public int CachedNames => _names.Count;

    /// <summary>Processes whose files are kept open between passes.</summary>
    public int KeptProcesses => _kept.Count;

    public ProcessSample[] Scan(ProcessFiles files, List<ParseDiagnostic> diagnostics)
    {
        string procPath = root.Proc("");
        if (!_proc.Open(procPath))
        {
            diagnostics.Add(new ParseDiagnostic("proc", procPath, 0, "cannot open the proc directory"));
            return [];
        }
        try
        {
            _pids.Clear();
            _proc.TryListPids(_pids);
            _samples.Clear();
            _names.BeginPass();
            _kept.BeginPass();
            foreach (int pid in _pids)
                if (TryReadProcess(pid, files, diagnostics, out ProcessSample sample))
                    _samples.Add(sample);
            _kept.EndPass();
            _names.EndPass();
            return [.. _samples];
        }
        finally
        {
            _proc.Close();
        }
    }

    private bool TryReadProcess(int pid, ProcessFiles files, List<ParseDiagnostic> diagnostics, out ProcessSample sample)
    {
        sample = default;
        if (!TryReadStat(pid, diagnostics, out PidStat stat, out ProcessNameCache.Entry? names)
            || !TryReadStatm(pid, diagnostics, out PidStatm statm)
            || !TryReadUidAndStatus(pid, files, diagnostics, out int uid, out PidStatus? status)
            || !TryGetNames(pid, names, out ProcessNames? strings))
            return false;

        SchedStat? schedStat = null;
        List<ThreadSample>? threads = null;
        if ((files & (ProcessFiles.SchedStat | ProcessFiles.Threads)) != 0
            && !_threads.TryRead(_proc, _names, pid, files, diagnostics, out schedStat, out threads))
            return false;
        PidIo? io = (files & ProcessFiles.Io) != 0 ? ReadIo(pid, diagnostics) : null;
        PidCgroup? cgroup = (files & ProcessFiles.Cgroup) != 0
            ? ProcFileReads.ReadParsed<PidCgroup>(_proc, pid, 0, "cgroup"u8, PidCgroupReader.Source, PidCgroupReader.TryParse, diagnostics)
            : null;
        sample = new ProcessSample(stat, statm, uid, strings, ProcessDetails.Of(status, io, cgroup, schedStat, threads));
        return true;
    }

    /// <summary>False when the process is gone or its stat does not parse.</summary>
    private bool TryReadStat(int pid, List<ParseDiagnostic> diagnostics, out PidStat stat, [MaybeNullWhen(false)] out ProcessNameCache.Entry names)
    {
        (stat, names) = (default, null);
        return ProcFileReads.Succeeded(_kept.TryRead(_proc, pid, statm: false, out ReadOnlySpan<byte> content), _proc, pid, 0, "stat"u8, PidStatReader.Source, diagnostics)
            && ProcFileReads.TryParseStat(_proc, _names, pid, 0, content, diagnostics, out stat, out names);
    }

    /// <summary>False when the process is gone. A statm that does not parse is reported, and the process still shown from its stat.</summary>
    private bool TryReadStatm(int pid, List<ParseDiagnostic> diagnostics, out PidStatm statm)
    {
        statm = default;
        if (!ProcFileReads.Succeeded(_kept.TryRead(_proc, pid, statm: true, out ReadOnlySpan<byte> content), _proc, pid, 0, "statm"u8, PidStatmReader.Source, diagnostics))
            return false;
        ProcFileReads.TryParse(_proc, pid, 0, "statm"u8, content, PidStatmReader.TryParse, diagnostics, out statm);
        return true;
    }

    /// <summary>False when the process is gone. Reads status when asked, or for the UID in a captured tree.</summary>
    private bool TryReadUidAndStatus(
        int pid, ProcessFiles files, List<ParseDiagnostic> diagnostics, out int uid, out PidStatus? status)
    {
        uid = -1;
        status = null;
        bool wantStatus = (files & ProcessFiles.Status) != 0;
        if (_ownerIsUid)
        {
            if (!_kept.TryGetOwner(_proc, pid, out uid)) return false;
            if (!wantStatus) return true;
        }
        ProcRead read = _proc.TryRead(pid, 0, "status"u8, out ReadOnlySpan<byte> content);
        if (read != ProcRead.Ok)
        {
            if (read != ProcRead.Gone) ProcFileReads.Report(_proc, pid, 0, "status"u8, PidStatusReader.Source, read, diagnostics);
            // Gone from a live root: the process exited. A captured tree may simply lack status: UID unknown.
            return !(read == ProcRead.Gone && _ownerIsUid);
        }
        if (!_ownerIsUid && !StatusUid.TryParse(content, out uid))
            diagnostics.Add(new ParseDiagnostic(PidStatusReader.Source, _proc.PathOf(pid, 0, "status"u8), 0, "no Uid: line"));
        if (wantStatus)
            ProcFileReads.TryParse(_proc, pid, 0, "status"u8, content, PidStatusReader.TryParse, diagnostics, out status);
        return true;
    }

    /// <summary>The cached strings, reading cmdline only for a new (pid, starttime) or a changed comm.</summary>
    private bool TryGetNames(int pid, ProcessNameCache.Entry entry, out ProcessNames names)
    {
        if (entry.Names is ProcessNames cached)
        {
            names = cached;
            return true;
        }
        ProcRead read = _proc.TryRead(pid, 0, "cmdline"u8, out ReadOnlySpan<byte> content);
        if (read == ProcRead.Gone)
        {
            names = null!;
            return false;
        }
        // Unreadable (hidepid, or a race with execve): shown as empty, read again when comm changes.
        names = entry.SetCmdline(read == ProcRead.Ok ? CmdlineReader.Parse(content) : "");
        return true;
    }

    /// <summary>io is readable only by the owner or root: unreadable is null, not a diagnostic.</summary>
    private PidIo? ReadIo(int pid, List<ParseDiagnostic> diagnostics) =>
        _proc.TryRead(pid, 0, "io"u8, out ReadOnlySpan<byte> content) == ProcRead.Ok
        && ProcFileReads.TryParse(_proc, pid, 0, "io"u8, content, PidIoReader.TryParse, diagnostics, out PidIo? io)
            ? io
            : null;

    public void Dispose()
    {
        _kept.Dispose();
        _proc.Dispose();
    }
}
