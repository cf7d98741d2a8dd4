using TopSharp.Core.Memory;
using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// One online node as read in one pass: its CPUs, its row of the distance matrix, its meminfo and
/// numastat counters. A part that could not be read is null (the diagnostic says why).
/// </summary>
/// <param name="Distances">nodeN/distance: the distance to each online node, in the order of <see cref="NodeStates.Online"/>.</param>
/// <param name="HasCpu">In has_cpu: a node without CPUs (memory only) is shown as such.</param>
/// <param name="HasMemory">In has_memory: a node without memory (CPUs only) is shown as such.</param>
public sealed record NumaNode(
    int Node,
    CpuList Cpus,
    IReadOnlyList<int>? Distances,
    MemInfo? MemInfo,
    NumaStat? NumaStat,
    bool HasCpu,
    bool HasMemory)
{
    public ulong MemTotalBytes => MemInfo?.MemTotalBytes ?? 0;
    public ulong MemFreeBytes => MemInfo?.MemFreeBytes ?? 0;

    /// <summary>The node's own MemUsed line (MemTotal − MemFree, as the kernel computes it).</summary>
    public ulong MemUsedBytes => MemInfo?["MemUsed"] ?? MemTotalBytes - MemFreeBytes;
    public ulong FilePagesBytes => MemInfo?["FilePages"] ?? 0;
    public ulong AnonPagesBytes => MemInfo?["AnonPages"] ?? 0;
    public ulong ShmemBytes => MemInfo?["Shmem"] ?? 0;
    public ulong SlabBytes => MemInfo?["Slab"] ?? 0;

    /// <summary>Pages of the default huge page size reserved on this node (a count).</summary>
    public ulong HugePagesTotal => MemInfo?["HugePages_Total"] ?? 0;
    public ulong HugePagesFree => MemInfo?["HugePages_Free"] ?? 0;

    /// <summary>The node's huge page pools of every size (nodeN/hugepages), smallest first; empty without hugetlbfs.</summary>
    public IReadOnlyList<HugePagePool> HugePages { get; init; } = [];

    /// <summary>The distance from this node to <paramref name="other"/>, given the online nodes; null when unknown.</summary>
    public int? DistanceTo(int other, CpuList online)
    {
        if (Distances is null) return null;
        int i = 0;
        foreach (int n in online.Ids)
        {
            if (n == other) return i < Distances.Count ? Distances[i] : null;
            i++;
        }
        return null;
    }
}
