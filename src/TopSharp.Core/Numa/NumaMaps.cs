namespace TopSharp.Core.Numa;

/// <summary>
/// /proc/PID/numa_maps (Documentation/filesystems/proc.rst, "numa_maps"): one entry per mapping, with the
/// resident pages of each node. Empty for kernel threads and zombies.
/// </summary>
public sealed record NumaMaps(IReadOnlyList<NumaMapsVma> Vmas)
{
    public static NumaMaps Empty { get; } = new([]);

    /// <summary>Resident bytes per node, summed over every mapping, in node order; nodes with none are absent.</summary>
    public IReadOnlyList<NodeBytes> BytesByNode { get; } = Sum(Vmas);

    public ulong TotalBytes => BytesByNode.Aggregate(0UL, (sum, n) => sum + n.Bytes);

    public ulong BytesOnNode(int node)
    {
        foreach (NodeBytes n in BytesByNode)
            if (n.Node == node) return n.Bytes;
        return 0;
    }

    /// <summary>The node holding the most resident bytes (the lowest on a tie); null when nothing is resident.</summary>
    public int? MainNode
    {
        get
        {
            NodeBytes? best = null;
            foreach (NodeBytes n in BytesByNode)
                if (n.Bytes > 0 && (best is null || n.Bytes > best.Value.Bytes)) best = n;
            return best?.Node;
        }
    }

    /// <summary>
    /// The share of resident bytes on nodes other than <paramref name="localNode"/> (the node of the CPU the
    /// process last ran on, stat field 39), in percent; null when nothing is resident.
    /// </summary>
    public double? RemotePct(int localNode) =>
        TotalBytes == 0 ? null : 100.0 * (TotalBytes - BytesOnNode(localNode)) / TotalBytes;

    /// <summary>Resident bytes per memory policy other than <c>default</c>, in order of first appearance.</summary>
    public IReadOnlyList<(string Policy, ulong Bytes)> Policies()
    {
        var policies = new List<(string Policy, ulong Bytes)>();
        foreach (NumaMapsVma vma in Vmas)
        {
            if (vma.Policy == NumaMapsVma.DefaultPolicy) continue;
            int i = policies.FindIndex(p => p.Policy == vma.Policy);
            if (i < 0) policies.Add((vma.Policy, vma.TotalBytes));
            else policies[i] = (vma.Policy, policies[i].Bytes + vma.TotalBytes);
        }
        return policies;
    }

    private static NodeBytes[] Sum(IReadOnlyList<NumaMapsVma> vmas)
    {
        var sums = new SortedDictionary<int, ulong>();
        foreach (NumaMapsVma vma in vmas)
            foreach (NodeBytes n in vma.BytesByNode)
                sums[n.Node] = sums.GetValueOrDefault(n.Node) + n.Bytes;
        return sums.Select(kv => new NodeBytes(kv.Key, kv.Value)).ToArray();
    }
}

/// <summary>Bytes resident on one node.</summary>
public readonly record struct NodeBytes(int Node, ulong Bytes);

/// <summary>
/// One numa_maps line: <c>200000000 bind:1 anon=51200 dirty=51200 active=0 N1=51200 kernelpagesize_kB=4</c>.
/// Page counts are in the mapping's own page size (<c>kernelpagesize_kB</c>: 2048 or 1048576 for hugetlbfs),
/// and are converted to bytes here. Not kept: mapped, mapmax, swapcache, active, writeback, heap/stack/huge.
/// </summary>
/// <param name="Policy">
/// The mapping's memory policy as the kernel spells it: <c>default</c>, <c>bind:1</c>, <c>interleave:0-3</c>,
/// <c>prefer:3</c>, <c>local</c>, <c>prefer (many):0-1</c>, <c>weighted interleave:0-3</c>, with
/// <c>=static</c>/<c>=relative</c> flags before the colon.
/// </param>
/// <param name="File">The <c>file=</c> path as the kernel escaped it (<c>\040</c> for a space); untrusted.</param>
/// <param name="Anon">The <c>anon=</c> page count.</param>
/// <param name="Dirty">The <c>dirty=</c> page count.</param>
public sealed record NumaMapsVma(
    ulong Address,
    string Policy,
    string? File,
    ulong Anon,
    ulong Dirty,
    ulong KernelPageSizeBytes,
    IReadOnlyList<NodeBytes> BytesByNode)
{
    public const string DefaultPolicy = "default";

    public ulong TotalBytes => BytesByNode.Aggregate(0UL, (sum, n) => sum + n.Bytes);
}
