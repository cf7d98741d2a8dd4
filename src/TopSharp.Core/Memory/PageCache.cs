namespace TopSharp.Core.Memory;

/// <summary>How much of a file (or a range of it) is in the page cache, in bytes.</summary>
/// <param name="DirtyBytes">Null when only mincore(2) could be asked: it sees residency, not dirtiness.</param>
/// <param name="Method"><c>cachestat</c> or <c>mincore</c>.</param>
public readonly record struct PageCacheStat(ulong CachedBytes, ulong? DirtyBytes, ulong? WritebackBytes, string Method);

/// <summary>One file the process maps or holds open, with its page-cache state (whole file).</summary>
/// <param name="Path">As the kernel names it (maps name, or the /proc/PID/fd link target); untrusted.</param>
/// <param name="Fds">The descriptors holding it open; empty when it is only mapped.</param>
public sealed record FileCache(string Path, ulong SizeBytes, PageCacheStat Cache, bool Mapped, IReadOnlyList<int> Fds)
{
    public double CachedPct => SizeBytes == 0 ? 0 : Math.Min(100, 100.0 * Cache.CachedBytes / SizeBytes);
}

/// <summary>The page cache of one process's files: a table of files (largest cached first) and the cached bytes of each VMA's range.</summary>
/// <param name="ByVma">Index for index with the smaps VMAs; null for anonymous VMAs and files that could not be opened.</param>
/// <param name="Reason">Why nothing could be measured (a captured tree, no permission); null otherwise.</param>
public sealed record ProcessPageCache(IReadOnlyList<FileCache> Files, IReadOnlyList<PageCacheStat?> ByVma, string? Reason)
{
    public static ProcessPageCache Unavailable(string reason, int vmas) => new([], new PageCacheStat?[vmas], reason);
}
