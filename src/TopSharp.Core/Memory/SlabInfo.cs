namespace TopSharp.Core.Memory;

/// <summary>
/// /proc/slabinfo (man 5 slabinfo; version 2.1): one cache per line. Readable by root only (mode 0400):
/// <see cref="SlabInfoReader.Read"/> says so instead of failing.
/// </summary>
public sealed record SlabInfo(IReadOnlyList<SlabCache> Caches);

/// <summary>
/// <c>name active_objs num_objs objsize objperslab pagesperslab : tunables … : slabdata active_slabs num_slabs sharedavail</c>.
/// </summary>
public sealed record SlabCache(
    string Name,
    ulong ActiveObjs,
    ulong NumObjs,
    ulong ObjSizeBytes,
    ulong ObjPerSlab,
    ulong PagesPerSlab,
    ulong ActiveSlabs,
    ulong NumSlabs,
    ulong PageSizeBytes)
{
    /// <summary>What the cache holds, as slabtop counts it: num_slabs × pagesperslab × page size.</summary>
    public ulong MemoryBytes => NumSlabs * PagesPerSlab * PageSizeBytes;

    /// <summary>active_objs / num_objs in percent; 0 for an empty cache.</summary>
    public double ActivePct => NumObjs == 0 ? 0 : 100.0 * ActiveObjs / NumObjs;
}

/// <summary>The caches, or why they could not be read and how to grant it.</summary>
public sealed record SlabInfoResult(SlabInfo? SlabInfo, string? Reason);
