using TopSharp.Core.Cpu;
using TopSharp.Core.Numa;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// One NUMA node between two snapshots: its numastat counters per second
/// (Documentation/admin-guide/numastat.rst), its miss ratio, and the busy share of its CPUs' /proc/stat ticks.
/// A value whose inputs are missing from either snapshot, or whose counter went backwards, is null.
/// </summary>
/// <param name="MissPct">
/// Δnuma_miss / (Δnuma_hit + Δnuma_miss) × 100: of the pages allocated on this node in the interval, the share
/// meant for another node that was short of memory. Null when nothing was allocated here.
/// </param>
/// <param name="Cpu">The node's CPUs' ticks summed, as one <c>cpu</c> line; null for a node without CPUs.</param>
public sealed record NodeRates(
    int Node,
    double? NumaHitPerSec,
    double? NumaMissPerSec,
    double? NumaForeignPerSec,
    double? InterleaveHitPerSec,
    double? LocalNodePerSec,
    double? OtherNodePerSec,
    double? MissPct,
    CpuPercent? Cpu)
{
    /// <summary>Rates of each node online in both snapshots, in the newer snapshot's order; empty for no positive interval.</summary>
    public static IReadOnlyList<NodeRates> Between(
        NumaSnapshot? older, NumaSnapshot? newer, ProcStat? olderStat, ProcStat? newerStat, TimeSpan interval)
    {
        if (older is null || newer is null || interval <= TimeSpan.Zero) return [];
        double seconds = interval.TotalSeconds;
        var rates = new List<NodeRates>(newer.Nodes.Count);
        foreach (NumaNode node in newer.Nodes)
        {
            NumaNode? before = older.Nodes.FirstOrDefault(n => n.Node == node.Node);
            if (before is null) continue;
            NumaStat? o = before.NumaStat, n = node.NumaStat;
            rates.Add(new NodeRates(
                node.Node,
                Counter.PerSecond(o?.NumaHit, n?.NumaHit, seconds),
                Counter.PerSecond(o?.NumaMiss, n?.NumaMiss, seconds),
                Counter.PerSecond(o?.NumaForeign, n?.NumaForeign, seconds),
                Counter.PerSecond(o?.InterleaveHit, n?.InterleaveHit, seconds),
                Counter.PerSecond(o?.LocalNode, n?.LocalNode, seconds),
                Counter.PerSecond(o?.OtherNode, n?.OtherNode, seconds),
                MissPctBetween(o, n),
                CpusBetween(node, olderStat, newerStat)));
        }
        return rates;
    }

    private static double? MissPctBetween(NumaStat? older, NumaStat? newer)
    {
        if (older is not { } o || newer is not { } n
            || !Counter.TryDelta(o.NumaHit, n.NumaHit, out ulong hit) || !Counter.TryDelta(o.NumaMiss, n.NumaMiss, out ulong miss)
            || hit + miss == 0)
            return null;
        return 100.0 * miss / (hit + miss);
    }

    /// <summary>The node's CPUs that have a line in both readings, summed tick by tick.</summary>
    private static CpuPercent? CpusBetween(NumaNode node, ProcStat? older, ProcStat? newer)
    {
        if (older is null || newer is null || node.Cpus.Count == 0) return null;
        CpuTimes before = default, after = default;
        bool any = false;
        foreach (CpuLine line in newer.Cpus)
        {
            if (!node.Cpus.Contains(line.Cpu)) continue;
            int i = IndexOf(older.Cpus, line.Cpu);
            if (i < 0) continue;
            before = Add(before, older.Cpus[i].Times);
            after = Add(after, line.Times);
            any = true;
        }
        return any ? CpuLoad.Between(before, after) : null;
    }

    private static int IndexOf(IReadOnlyList<CpuLine> lines, int cpu)
    {
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Cpu == cpu) return i;
        return -1;
    }

    private static CpuTimes Add(in CpuTimes a, in CpuTimes b) => new(
        a.User + b.User, a.Nice + b.Nice, a.System + b.System, a.Idle + b.Idle, a.Iowait + b.Iowait,
        a.Irq + b.Irq, a.Softirq + b.Softirq, a.Steal + b.Steal, a.Guest + b.Guest, a.GuestNice + b.GuestNice);
}
