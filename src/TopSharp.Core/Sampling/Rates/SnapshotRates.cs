using TopSharp.Core.Cgroups;
using TopSharp.Core.Cpu;
using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Everything derived from two snapshots of one source: what the header meters, the process
/// table and the JSON report show.
/// </summary>
/// <param name="Interval">newer.Timestamp − older.Timestamp.</param>
/// <param name="Total">The /proc/stat aggregate line's shares (tick-sampled).</param>
/// <param name="Cpus">Shares of each CPU whose line is in both readings, by CPU number.</param>
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
    IReadOnlyDictionary<ProcessKey, ProcessRates> Processes)
{
    /// <summary>Each NUMA node's numastat rates and CPU busy share; empty without NUMA or without an interval.</summary>
    public IReadOnlyList<NodeRates> Nodes { get; init; } = [];

    /// <summary>Each CPU's busy share from the sched_switch program (<see cref="SchedLoad"/>); empty when it is not attached.</summary>
    public IReadOnlyList<(int Cpu, double BusyPct)> CpusSched { get; init; } = [];

    /// <summary>The mean of <see cref="CpusSched"/> when it covers every CPU of <see cref="Cpus"/>; else null.</summary>
    public double? BusyPctSched => CpusSched.Count > 0 && CpusSched.Count >= Cpus.Count ? CpusSched.Average(c => c.BusyPct) : null;

    /// <summary>Each cgroup's CPU, throttling and I/O rates; empty when the snapshots hold no cgroup tree.</summary>
    public IReadOnlyDictionary<CgroupKey, CgroupRates> Cgroups { get; init; } = new Dictionary<CgroupKey, CgroupRates>();

    /// <summary>The vmstat counters per second (<see cref="Memory.VmStat.Names"/> order); empty without vmstat or an interval.</summary>
    public IReadOnlyList<VmStatRate> VmStat { get; init; } = [];

    /// <summary>
    /// The pure function from two snapshots of one source to rates. An interval that is not
    /// positive (the same snapshot twice, or the wrong order) gives no rates at all.
    /// </summary>
    public static SnapshotRates Between(SystemSnapshot older, SystemSnapshot newer)
    {
        TimeSpan interval = newer.Timestamp - older.Timestamp;
        if (interval <= TimeSpan.Zero) return new(interval, null, [], null, new Dictionary<ProcessKey, ProcessRates>());

        var matches = new ProcessMatches(older, newer);
        return new(
            interval,
            older.Stat is { } o && newer.Stat is { } n ? CpuLoad.Between(o.Total, n.Total) : null,
            CpuLines(older.Stat, newer.Stat),
            TaskBusy.Between(matches, interval, newer.ClockTicksPerSecond, newer.Stat?.Cpus.Count ?? 0),
            ProcessesBetween(matches, interval, newer.ClockTicksPerSecond))
        {
            Nodes = NodeRates.Between(older.Numa, newer.Numa, older.Stat, newer.Stat, interval),
            CpusSched = SchedLoad.Between(older.SchedBusy, newer.SchedBusy),
            Cgroups = CgroupRates.Between(older.Cgroups, newer.Cgroups, interval),

            VmStat = VmStatRate.Between(older.KernelMemory?.VmStat, newer.KernelMemory?.VmStat, interval),
        };
    }

    private static List<(int Cpu, CpuPercent Percent)> CpuLines(ProcStat? older, ProcStat? newer)
    {
        var lines = new List<(int, CpuPercent)>();
        if (older is null || newer is null) return lines;
        foreach (CpuLine line in newer.Cpus)
            foreach (CpuLine before in older.Cpus)
                if (before.Cpu == line.Cpu && CpuLoad.Between(before.Times, line.Times) is { } percent)
                    lines.Add((line.Cpu, percent));
        return lines;
    }

    private static Dictionary<ProcessKey, ProcessRates> ProcessesBetween(ProcessMatches matches, TimeSpan interval, int ticksPerSecond)
    {
        var rates = new Dictionary<ProcessKey, ProcessRates>(matches.Newer.Count);
        for (int i = 0; i < matches.Newer.Count; i++)
        {
            ProcessSample p = matches.Newer[i];
            ProcessRates? r = matches.TryOlder(i, out ProcessSample before)
                ? ProcessLoad.Between(before, p, interval, ticksPerSecond)
                : matches.StartedInside(i) ? ProcessLoad.Started(p, interval, ticksPerSecond) : null;
            if (r is { } found) rates[p.Key] = found;
        }
        return rates;
    }
}
