namespace TopSharp.Core.Memory;

/// <summary>
/// Where the machine's memory is, from meminfo (Documentation/filesystems/proc.rst, "meminfo"), in bytes.
/// <see cref="PageCacheBytes"/> is Cached − Shmem: shmem/tmpfs pages sit in the page cache but cannot be
/// dropped like file pages, so they are their own part. Huge pages are the hugetlbfs pool (HugePages_Total × Hugepagesize).
/// </summary>
public sealed record MemInfoBreakdown(
    ulong TotalBytes,
    ulong AnonBytes,
    ulong PageCacheBytes,
    ulong BuffersBytes,
    ulong ShmemBytes,
    ulong SlabReclaimableBytes,
    ulong SlabUnreclaimableBytes,
    ulong PageTablesBytes,
    ulong KernelStackBytes,
    ulong HugePagesBytes,
    ulong FreeBytes,
    ulong AvailableBytes,
    ulong DirtyBytes,
    ulong WritebackBytes)
{
    public static MemInfoBreakdown From(MemInfo m)
    {
        ulong cached = m.CachedBytes, shmem = m.ShmemBytes;
        return new(
            m.MemTotalBytes,
            m["AnonPages"] ?? 0,
            cached > shmem ? cached - shmem : 0,
            m.BuffersBytes,
            shmem,
            m.SReclaimableBytes,
            m["SUnreclaim"] ?? 0,
            m["PageTables"] ?? 0,
            m["KernelStack"] ?? 0,
            (m["HugePages_Total"] ?? 0) * (m["Hugepagesize"] ?? 0),
            m.MemFreeBytes,
            m.MemAvailableBytes,
            m["Dirty"] ?? 0,
            m["Writeback"] ?? 0);
    }

    /// <summary>The parts of a bar, in drawing order: they add up to at most <see cref="TotalBytes"/>; the rest is other kernel use.</summary>
    public IReadOnlyList<(string Name, ulong Bytes)> BarParts =>
    [
        ("anon", AnonBytes), ("page cache", PageCacheBytes), ("buffers", BuffersBytes), ("shmem", ShmemBytes),
        ("slab reclaimable", SlabReclaimableBytes), ("slab unreclaimable", SlabUnreclaimableBytes),
        ("page tables", PageTablesBytes), ("kernel stack", KernelStackBytes), ("huge pages", HugePagesBytes), ("free", FreeBytes),
    ];
}
