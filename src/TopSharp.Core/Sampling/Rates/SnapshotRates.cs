using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Everything derived from two snapshots of one source: what the header meters, the process
/// table and the JSON report show.
/// </summary>
/// <param name="Interval">newer.Timestamp − older.Timestamp.</param>
/// <param name="Total">The /proc/stat aggregate line's shares (tick-sampled).</param>
/// <param name="BusyPctTasks">
/// The machine's busy share from the tasks' own accounting: Σ Δ(utime+stime) of every task, kernel
/// threads included, plus Δ(cutime+cstime) of parents that reaped children, over interval × CPUs.
/// Null when either snapshot has no processes.
/// </param>
/// <param name="Processes">Rates of processes present in both snapshots with the same (pid, starttime), and of new ones.</param>
public sealed record SnapshotRates(
    TimeSpan Interval,
    CpuPercent? Total,
    IReadOnlyList<(int Cpu, CpuPercent Percent)> Cpus,
    double? BusyPctTasks,
    IReadOnlyDictionary<ProcessKey, ProcessRates> Processes);
