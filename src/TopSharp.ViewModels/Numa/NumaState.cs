namespace TopSharp.ViewModels.Numa;

/// <summary>What the NUMA pane shows, already formatted: one row per node, the distance matrix, the selected process's placement.</summary>
/// <param name="Summary">One line: how many nodes, and which have CPUs and memory.</param>
/// <param name="Message">Why there is nothing to show (no NUMA support, no sample yet); null otherwise.</param>
public sealed record NumaState(
    string Summary,
    IReadOnlyList<NumaNodeRow> Nodes,
    NumaPlacement? Selected,
    string? Message)
{
    public static NumaState Empty { get; } = new("", [], null, "waiting for the first sample");
}

/// <summary>One node. Rates are "-" until two samples exist; <see cref="MissHigh"/> marks a miss share worth a look.</summary>
/// <param name="Cpus">The CPU list, or <c>no CPUs</c> for a memory-only node.</param>
/// <param name="Memory"><c>used/total</c>, or <c>no memory</c> for a CPU-only node.</param>
/// <param name="UsedFraction">MemUsed / MemTotal, 0..1.</param>
/// <param name="Distances">This node's row of the distance matrix, one entry per online node.</param>
/// <param name="HugePages">One entry per huge page size, smallest first: <c>2M 10/16</c> (free/total), <c>+2</c> when surplus pages exist.</param>
public sealed record NumaNodeRow(
    int Node,
    string Cpus,
    string Memory,
    double UsedFraction,
    string HitPerSec,
    string MissPerSec,
    string ForeignPerSec,
    string MissPct,
    bool MissHigh,
    string CpuBusyPct,
    IReadOnlyList<string> Distances,
    IReadOnlyList<string> HugePages);

/// <summary>The selected process's resident memory per node (numa_maps), its allowed nodes and its memory policies.</summary>
/// <param name="Comm">Escaped for the terminal.</param>
/// <param name="Policies">Non-default policies with their resident size, e.g. <c>bind:1 200M, prefer:3 32.0M</c>; empty when all are default.</param>
/// <param name="Message">Why there are no bars (process gone, file unreadable); null otherwise.</param>
public sealed record NumaPlacement(
    int Pid,
    string Comm,
    string MemsAllowed,
    string Policies,
    IReadOnlyList<NodeShare> Nodes,
    string? Message);

/// <summary>A node's share of a process's resident memory, 0..1, and its size.</summary>
public readonly record struct NodeShare(int Node, double Fraction, string Bytes);
