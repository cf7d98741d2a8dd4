using TopSharp.Core.Numa;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>/sys/devices/system/node: the node masks in list format (<c>0-3</c>) and each online node.</summary>
internal sealed record NumaJson(
    string Online,
    string Possible,
    string HasCpu,
    string HasMemory,
    string HasNormalMemory,
    IReadOnlyList<NumaNodeJson> Nodes)
{
    public static NumaJson From(NumaSnapshot numa, IReadOnlyList<NodeRates> rates) => new(
        numa.States.Online.ToString(),
        numa.States.Possible.ToString(),
        numa.States.HasCpu.ToString(),
        numa.States.HasMemory.ToString(),
        numa.States.HasNormalMemory.ToString(),
        numa.Nodes.Select(n => NumaNodeJson.From(n, rates.FirstOrDefault(r => r.Node == n.Node))).ToList());
}

/// <summary>
/// One node: its CPUs (list format), its row of the distance matrix, every nodeN/meminfo field (named as in
/// <c>memory</c>), the numastat counters since boot and per second over the interval, the interval's miss
/// share, the busy share of its CPUs, and its huge page pools. Per-second values and shares are null without two readings.
/// </summary>
internal sealed record NumaNodeJson(
    int Node,
    string Cpus,
    bool HasCpu,
    bool HasMemory,
    IReadOnlyList<int>? Distances,
    IReadOnlyDictionary<string, ulong>? Memory,
    ulong? NumaHit,
    ulong? NumaMiss,
    ulong? NumaForeign,
    ulong? InterleaveHit,
    ulong? LocalNode,
    ulong? OtherNode,
    double? NumaHitPerSec,
    double? NumaMissPerSec,
    double? NumaForeignPerSec,
    double? InterleaveHitPerSec,
    double? LocalNodePerSec,
    double? OtherNodePerSec,
    double? NumaMissPct,
    double? CpuBusyPct,
    IReadOnlyList<HugePagesJson> Hugepages)
{
    public static NumaNodeJson From(NumaNode n, NodeRates? r)
    {
        NumaStat? s = n.NumaStat;
        return new NumaNodeJson(
            n.Node, n.Cpus.ToString(), n.HasCpu, n.HasMemory, n.Distances,
            n.MemInfo is { } m ? MemoryJson.From(m) : null,
            s?.NumaHit, s?.NumaMiss, s?.NumaForeign, s?.InterleaveHit, s?.LocalNode, s?.OtherNode,
            Round.Two(r?.NumaHitPerSec), Round.Two(r?.NumaMissPerSec), Round.Two(r?.NumaForeignPerSec),
            Round.Two(r?.InterleaveHitPerSec), Round.Two(r?.LocalNodePerSec), Round.Two(r?.OtherNodePerSec),
            Round.Two(r?.MissPct), Round.Two(r?.Cpu?.Busy),
            n.HugePages.Select(p => new HugePagesJson(p.PageSizeBytes, p.Total, p.Free, p.Surplus)).ToList());
    }
}

/// <summary>One huge page pool of the node (nodeN/hugepages/hugepages-&lt;size&gt;kB): counts of pages of <c>size_bytes</c>.</summary>
internal sealed record HugePagesJson(ulong SizeBytes, ulong Total, ulong Free, ulong Surplus);
