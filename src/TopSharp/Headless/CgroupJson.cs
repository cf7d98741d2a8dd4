using TopSharp.Core.Cgroups;
using TopSharp.Core.Cpu;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>
/// One cgroup of one hierarchy (Documentation/admin-guide/cgroup-v2.rst, cgroup-v1/*.rst), newer reading's
/// values; rates over the interval. A value whose file the hierarchy does not have is null; so is a limit
/// that is unlimited (<c>max</c>, or v1's page-rounded LONG_MAX).
/// </summary>
internal sealed record CgroupJson(
    string Path,
    string Hierarchy,
    string Name,
    double? CpuPct,
    double? NrThrottledPerSec,
    double? ThrottledPct,
    ulong? MemoryCurrentBytes,
    ulong? MemoryMaxBytes,
    ulong? MemoryHighBytes,
    ulong? PidsCurrent,
    ulong? PidsMax,
    double? ReadBytesPerSec,
    double? WriteBytesPerSec,
    PressureJson? Pressure,
    string? CpusetCpusEffective,
    string? CpusetMemsEffective,
    string? Partition,
    bool? Frozen,
    int? NrProcesses)
{
    /// <summary>Every cgroup of every hierarchy, hierarchies in mount order (unified first), each in pre-order.</summary>
    public static List<CgroupJson> From(CgroupSnapshot? older, CgroupSnapshot? newer, SnapshotRates rates)
    {
        var list = new List<CgroupJson>();
        if (newer is null) return list;
        foreach (CgroupTree tree in newer.Trees)
            foreach (Cgroup c in tree.Cgroups)
            {
                string h = tree.Hierarchy.Name;
                CgroupRates? r = rates.Cgroups.TryGetValue(new CgroupKey(h, c.Path), out CgroupRates found) ? found : null;
                Pressure? before = older?.Find(h, c.Path)?.Pressure;
                list.Add(new CgroupJson(
                    c.Path, h, CgroupName.Of(c.Path),
                    Round.Two(r?.CpuPct), Round.Two(r?.NrThrottledPerSec), Round.Two(r?.ThrottledPct),
                    c.MemoryCurrentBytes, Limited(c.MemoryMaxBytes), Limited(c.MemoryHighBytes),
                    c.PidsCurrent, Limited(c.PidsMax),
                    Round.Two(r?.ReadBytesPerSec), Round.Two(r?.WriteBytesPerSec),
                    c.Pressure is { } p ? PressureJson.Between(before ?? new Pressure(null, null, null), p, rates.Interval) : null,
                    c.CpusEffective?.ToString(), c.MemsEffective?.ToString(), c.Partition, c.Frozen, c.NrProcesses));
            }
        return list;
    }

    private static ulong? Limited(ulong? limit) => limit is { } v && !CgroupValue.IsUnlimited(v) ? v : null;
}
