namespace TopSharp.Core.Processes;

/// <summary>
/// Which per-process files a sampling pass reads beyond stat, statm, comm and cmdline: computed
/// from the visible columns and open panes, so nothing is read that nothing shows.
/// </summary>
[Flags]
public enum ProcessFiles
{
    None = 0,
    Status = 1 << 0,
    Io = 1 << 1,
    Cgroup = 1 << 2,
    /// <summary>schedstat of every thread, summed (run_delay for RUNQ%).</summary>
    SchedStat = 1 << 3,
    /// <summary>task/TID/{stat,schedstat} kept per thread.</summary>
    Threads = 1 << 4,
    /// <summary>numa_maps, of the PIDs <see cref="Sampling.SampleRequest.NumaMapsPids"/> names only: it walks page tables.</summary>
    NumaMaps = 1 << 5,
    /// <summary>Not a per-process file: the whole cgroup tree (cgroupfs), for the cgroup pane and JSON.</summary>
    CgroupTree = 1 << 6,
    /// <summary>Not a per-process file: vmstat, buddyinfo and slabinfo, for the memory pane and JSON.</summary>
    KernelMemory = 1 << 7,
    All = Status | Io | Cgroup | SchedStat | Threads | CgroupTree | KernelMemory,
}
