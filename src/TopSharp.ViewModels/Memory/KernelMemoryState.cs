namespace TopSharp.ViewModels.Memory;

/// <summary>What the kernel memory pane shows, already formatted.</summary>
/// <param name="Bar">The meminfo parts in drawing order, each with its share of MemTotal (0..1).</param>
/// <param name="Meminfo">Name and size rows: the parts, plus available, dirty and writeback.</param>
/// <param name="VmStat">Counter name and per-second rate ("-" until two samples).</param>
/// <param name="Buddy">One row per zone of each node.</param>
/// <param name="Slabs">The caches, sorted by <see cref="SlabSort"/>; empty with <see cref="SlabReason"/> when unreadable.</param>
public sealed record KernelMemoryState(
    IReadOnlyList<BarPart> Bar,
    IReadOnlyList<(string Name, string Value)> Meminfo,
    IReadOnlyList<(string Name, string PerSec)> VmStat,
    IReadOnlyList<BuddyRow> Buddy,
    IReadOnlyList<SlabRow> Slabs,
    string? SlabReason,
    SlabSort SlabSort)
{
    public static KernelMemoryState Empty { get; } = new([], [], [], [], [], "waiting for the first sample", SlabSort.Memory);
}

public readonly record struct BarPart(string Name, double Fraction, string Size);

/// <summary>A zone's free blocks per order, and the largest order with a free block ("-" when none).</summary>
public sealed record BuddyRow(string Zone, IReadOnlyList<string> FreeBlocks, string LargestOrder, string Free);

public sealed record SlabRow(string Name, string Objects, string Active, string ActivePct, string ObjSize, string Memory);

/// <summary>slabtop's orders: memory held, objects, active ratio (lowest first: the most fragmented caches).</summary>
public enum SlabSort { Memory, Objects, ActiveRatio }
