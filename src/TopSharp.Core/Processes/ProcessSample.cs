namespace TopSharp.Core.Processes;

/// <summary>
/// One process as read in one pass. A struct, so a snapshot's process array is the pass's one
/// allocation per process; to keep that element small (192 bytes), the strings live in a
/// <see cref="ProcessNames"/> shared with the sampler's (pid, starttime)-keyed cache, and the files
/// read only on request in one <see cref="ProcessDetails"/>. The reference-typed parts are null
/// when the sampler was not asked to read them (see <see cref="ProcessFiles"/>) or could not.
/// </summary>
public readonly record struct ProcessSample
{
    private readonly ProcessNames _names;
    private readonly ProcessDetails? _details;

    public ProcessSample(
        PidStat stat,
        string comm,
        string cmdline,
        int uid,
        PidStatm statm,
        PidStatus? status = null,
        PidIo? io = null,
        PidCgroup? cgroup = null,
        SchedStat? schedStat = null,
        IReadOnlyList<ThreadSample>? threads = null)
        : this(stat, statm, uid, new ProcessNames(comm, cmdline), ProcessDetails.Of(status, io, cgroup, schedStat, threads))
    {
    }

    internal ProcessSample(PidStat stat, PidStatm statm, int uid, ProcessNames names, ProcessDetails? details)
    {
        Stat = stat;
        Statm = statm;
        Uid = uid;
        _names = names;
        _details = details;
    }

    public PidStat Stat { get; init; }
    public PidStatm Statm { get; init; }

    /// <summary>Effective UID: the owner of /proc/PID on a live root, status's second <c>Uid:</c> field on a captured one.</summary>
    public int Uid { get; init; }

    /// <summary>Field 2 of stat, as the kernel wrote it (untrusted: escape before display).</summary>
    public string Comm { get => _names.Comm; init => _names = _names with { Comm = value }; }

    /// <summary>/proc/PID/cmdline, arguments joined by spaces; empty for kernel threads and zombies.</summary>
    public string Cmdline { get => _names.Cmdline; init => _names = _names with { Cmdline = value }; }

    public PidStatus? Status { get => _details?.Status; init => _details = Details with { Status = value }; }
    public PidIo? Io { get => _details?.Io; init => _details = Details with { Io = value }; }
    public PidCgroup? Cgroup { get => _details?.Cgroup; init => _details = Details with { Cgroup = value }; }

    /// <summary>schedstat summed over the process's threads.</summary>
    public SchedStat? SchedStat { get => _details?.SchedStat; init => _details = Details with { SchedStat = value }; }

    public IReadOnlyList<ThreadSample>? Threads { get => _details?.Threads; init => _details = Details with { Threads = value }; }

    private ProcessDetails Details => _details ?? ProcessDetails.None;

    public int Pid => Stat.Pid;

    /// <summary>Identity across samples: a reused PID has another start time.</summary>
    public ProcessKey Key => new(Stat.Pid, Stat.Starttime);

    /// <summary>Kernel threads have an empty cmdline and are children of kthreadd (PID 2).</summary>
    public bool IsKernelThread => Stat.Pid == 2 || Stat.Ppid == 2;
}

/// <summary>(pid, starttime): what stays the same for one process and differs for a reused PID.</summary>
public readonly record struct ProcessKey(int Pid, ulong Starttime);

/// <summary>The strings of one process, shared by every sample until its comm changes (as at execve).</summary>
internal sealed record ProcessNames(string Comm, string Cmdline);

/// <summary>The per-process files read only when <see cref="ProcessFiles"/> asks for them.</summary>
internal sealed record ProcessDetails(
    PidStatus? Status,
    PidIo? Io,
    PidCgroup? Cgroup,
    SchedStat? SchedStat,
    IReadOnlyList<ThreadSample>? Threads)
{
    internal static ProcessDetails None { get; } = new(null, null, null, null, null);

    /// <summary>Null when nothing was read, so a default pass allocates no details at all.</summary>
    internal static ProcessDetails? Of(PidStatus? status, PidIo? io, PidCgroup? cgroup, SchedStat? schedStat, IReadOnlyList<ThreadSample>? threads) =>
        status is null && io is null && cgroup is null && schedStat is null && threads is null
            ? null
            : new(status, io, cgroup, schedStat, threads);
}
