using TopSharp.Core.Cgroups;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// One cgroup's rates over an interval (Documentation/admin-guide/cgroup-v2.rst "cpu.stat", "io.stat"; v1
/// cpuacct.rst, sched-bwc.rst). A value whose counter is missing in either reading, or went backwards
/// (the cgroup was removed and made again), is null.
/// </summary>
/// <param name="CpuPct">Δ CPU usage / interval × 100: 100 is one CPU busy the whole time.</param>
/// <param name="NrThrottledPerSec">Periods in which the group hit its cpu.max quota, per second.</param>
/// <param name="ThrottledPct">Δ throttled time / interval × 100.</param>
public readonly record struct CgroupRates(
    double? CpuPct,
    double? NrThrottledPerSec,
    double? ThrottledPct,
    double? ReadBytesPerSec,
    double? WriteBytesPerSec)
{
    /// <summary>Rates of every cgroup present (same hierarchy, same path) in both snapshots.</summary>
    public static IReadOnlyDictionary<CgroupKey, CgroupRates> Between(CgroupSnapshot? older, CgroupSnapshot? newer, TimeSpan interval)
    {
        var rates = new Dictionary<CgroupKey, CgroupRates>();
        if (older is null || newer is null || interval <= TimeSpan.Zero) return rates;
        foreach (CgroupTree tree in newer.Trees)
        {
            CgroupTree? before = older.Trees.FirstOrDefault(t => t.Hierarchy.Name == tree.Hierarchy.Name);
            if (before is null) continue;
            var byPath = new Dictionary<string, Cgroup>(before.Cgroups.Count);
            foreach (Cgroup c in before.Cgroups) byPath.TryAdd(c.Path, c);
            foreach (Cgroup c in tree.Cgroups)
                if (byPath.TryGetValue(c.Path, out Cgroup? o))
                    rates[new CgroupKey(tree.Hierarchy.Name, c.Path)] = Of(o, c, interval);
        }
        return rates;
    }

    /// <summary>The pure function of two readings of one cgroup.</summary>
    public static CgroupRates Of(Cgroup older, Cgroup newer, TimeSpan interval)
    {
        double seconds = interval.TotalSeconds;
        return new CgroupRates(
            Counter.PerSecond(older.CpuUsageNs, newer.CpuUsageNs, seconds) / 1e9 * 100,
            Counter.PerSecond(older.CpuStat?.NrThrottled, newer.CpuStat?.NrThrottled, seconds),
            Counter.PerSecond(older.CpuStat?.ThrottledUsec, newer.CpuStat?.ThrottledUsec, seconds) / 1e6 * 100,
            Counter.PerSecond(older.Io?.RBytes, newer.Io?.RBytes, seconds),
            Counter.PerSecond(older.Io?.WBytes, newer.Io?.WBytes, seconds));
    }
}
