using TopSharp.Core.Memory;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>
/// <c>kernel_memory</c>: where the machine's memory is (meminfo), reclaim activity (vmstat per second), free blocks of
/// the buddy allocator, and the largest slab caches, or why slabinfo could not be read.
/// </summary>
internal sealed record KernelMemoryJson(
    MemInfoBreakdown? Meminfo,
    /// <summary>Counter name → per second; null where a reading lacks it or there was one reading.</summary>
    IReadOnlyDictionary<string, double?> VmstatPerSec,
    IReadOnlyList<BuddyZoneJson> Buddyinfo,
    /// <summary>The 20 caches holding the most memory, largest first; null with <see cref="SlabReason"/> when unreadable.</summary>
    IReadOnlyList<SlabCacheJson>? SlabTop,
    string? SlabReason)
{
    public const int SlabTopCount = 20;

    public static KernelMemoryJson From(SystemSnapshot newer, SnapshotRates rates)
    {
        KernelMemory? k = newer.KernelMemory;
        var vmstat = new Dictionary<string, double?>();
        foreach (string name in VmStat.Names) vmstat[name] = null;
        foreach (VmStatRate r in rates.VmStat) vmstat[r.Name] = Round.Two(r.PerSecond);
        return new KernelMemoryJson(
            newer.MemInfo is { } m ? MemInfoBreakdown.From(m) : null,
            vmstat,
            k?.BuddyInfo?.Zones.Select(z => new BuddyZoneJson(z.Node, z.Zone, z.FreeBlocks, z.LargestOrder)).ToList() ?? [],
            k?.Slab.SlabInfo?.Caches.OrderByDescending(c => c.MemoryBytes).ThenBy(c => c.Name, StringComparer.Ordinal).Take(SlabTopCount)
                .Select(c => new SlabCacheJson(c.Name, c.ActiveObjs, c.NumObjs, c.ObjSizeBytes, Math.Round(c.ActivePct, 1), c.MemoryBytes)).ToList(),
            k is null ? "kernel memory files were not read" : k.Slab.Reason);
    }
}

/// <summary>One buddyinfo line: <c>free_blocks[order]</c> blocks of 2^order pages.</summary>
internal sealed record BuddyZoneJson(int Node, string Zone, IReadOnlyList<ulong> FreeBlocks, int LargestOrder);

/// <summary>One slabinfo cache, as slabtop shows it.</summary>
internal sealed record SlabCacheJson(string Name, ulong ActiveObjs, ulong NumObjs, ulong ObjSizeBytes, double ActivePct, ulong MemoryBytes);
