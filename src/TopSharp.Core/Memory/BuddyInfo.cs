namespace TopSharp.Core.Memory;

/// <summary>/proc/buddyinfo (Documentation/filesystems/proc.rst, "buddyinfo"): free blocks per order, per zone of each node.</summary>
public sealed record BuddyInfo(IReadOnlyList<BuddyZone> Zones);

/// <summary>
/// One zone: <paramref name="FreeBlocks"/>[order] blocks of 2^order pages are free.
/// </summary>
public sealed record BuddyZone(int Node, string Zone, IReadOnlyList<ulong> FreeBlocks)
{
    /// <summary>The largest order with a free block: the largest contiguous allocation that needs no compaction; -1 when none.</summary>
    public int LargestOrder
    {
        get
        {
            for (int order = FreeBlocks.Count - 1; order >= 0; order--)
                if (FreeBlocks[order] > 0) return order;
            return -1;
        }
    }

    /// <summary>Free pages in this zone: Σ blocks × 2^order.</summary>
    public ulong FreePages
    {
        get
        {
            ulong pages = 0;
            for (int order = 0; order < FreeBlocks.Count; order++) pages += FreeBlocks[order] << order;
            return pages;
        }
    }
}
