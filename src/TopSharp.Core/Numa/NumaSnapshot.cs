namespace TopSharp.Core.Numa;

/// <summary>
/// The NUMA side of one sampling pass: the node masks and each online node's files, as counters.
/// Rates (numastat per second, node CPU busy %) come from two of these through <c>Sampling/Rates/NodeRates</c>.
/// </summary>
public sealed record NumaSnapshot(NodeStates States, IReadOnlyList<NumaNode> Nodes)
{
    /// <summary>The node whose CPU list holds <paramref name="cpu"/>; null when none does.</summary>
    public int? NodeOfCpu(int cpu)
    {
        foreach (NumaNode n in Nodes)
            if (n.Cpus.Contains(cpu)) return n.Node;
        return null;
    }
}
