namespace TopSharp.Core.Processes;

/// <summary>
/// One process as read in one pass. A struct, so a snapshot's process array is one allocation;
/// strings come from a cache keyed by (pid, starttime). The reference-typed parts are null when
/// the sampler was not asked to read them (see <see cref="ProcessFiles"/>) or could not.
/// </summary>
public readonly record struct ProcessSample(
    PidStat Stat,
    string Comm,
    string Cmdline,
    int Uid,
    PidStatm Statm,
    PidStatus? Status,
    PidIo? Io,
    PidCgroup? Cgroup,
    /// <summary>schedstat summed over the process's threads.</summary>
    SchedStat? SchedStat,
    IReadOnlyList<ThreadSample>? Threads)
{
    public int Pid => Stat.Pid;

    /// <summary>Identity across samples: a reused PID has another start time.</summary>
    public ProcessKey Key => new(Stat.Pid, Stat.Starttime);

    /// <summary>Kernel threads have an empty cmdline and are children of kthreadd (PID 2).</summary>
    public bool IsKernelThread => Stat.Pid == 2 || Stat.Ppid == 2;
}

/// <summary>(pid, starttime): what stays the same for one process and differs for a reused PID.</summary>
public readonly record struct ProcessKey(int Pid, ulong Starttime);
