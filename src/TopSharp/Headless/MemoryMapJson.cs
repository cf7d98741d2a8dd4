using TopSharp.Core;
using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.Headless;

/// <summary>
/// <c>memory_map</c> (<c>--maps PID</c>): the VMAs of /proc/PID/smaps with their numa_maps policy and nodes, the
/// smaps_rollup totals, and the page cache of the process's files. <see cref="Reason"/> says why there is no map.
/// </summary>
internal sealed record MemoryMapJson(
    int Pid,
    string? Reason,
    IReadOnlyList<VmaJson> Vmas,
    SmapsCounters? Totals,
    ulong? VmRssBytes,
    string? RssNote,
    IReadOnlyList<FileCacheJson> Files,
    string? PageCacheReason)
{
    public static MemoryMapJson Read(KernelRoot root, SystemSnapshot newer, int pid)
    {
        ProcessSample? sample = newer.Processes.Where(p => p.Pid == pid).Select(p => (ProcessSample?)p).FirstOrDefault();
        using var file = new KernelFile(64 * 1024);
        MemoryMap? map = MemoryMap.Read(root, file, pid, []);
        if (map is null) return Empty(pid, "no such process");
        if (!map.HasAddressSpace)
            return Empty(pid, sample is { IsKernelThread: true } ? "kernel thread: no memory map" : sample?.Stat.State == 'Z' ? "zombie: no memory map" : "no memory map");
        ProcessPageCache cache = PageCacheReader.Read(root, pid, map.Smaps);
        ulong? vmRss = sample?.Status?.VmRssBytes;
        var vmas = new List<VmaJson>(map.Smaps.Vmas.Count);
        for (int i = 0; i < map.Smaps.Vmas.Count; i++) vmas.Add(VmaJson.From(map.Smaps.Vmas[i], map.Numa[i], cache.ByVma[i]));
        return new MemoryMapJson(pid, null, vmas, map.Rollup ?? map.Smaps.Totals, vmRss, map.RssDisagreement(vmRss),
            cache.Files.Select(FileCacheJson.From).ToList(), cache.Reason);
    }

    private static MemoryMapJson Empty(int pid, string reason) => new(pid, reason, [], null, null, null, [], null);
}

/// <summary>One VMA: the maps header (addresses in hex, as maps prints them) and the smaps sizes in bytes.</summary>
internal sealed record VmaJson(
    string Start, string End, string Perms, ulong Offset, string Device, ulong Inode, string Mapping, string Kind, bool Deleted,
    ulong SizeBytes, ulong RssBytes, ulong PssBytes, ulong SharedCleanBytes, ulong SharedDirtyBytes, ulong PrivateCleanBytes,
    ulong PrivateDirtyBytes, ulong AnonymousBytes, ulong AnonHugePagesBytes, ulong SwapBytes, ulong SwapPssBytes, ulong LockedBytes,
    string? NumaPolicy, IReadOnlyDictionary<int, ulong>? NumaBytesByNode, ulong? PageCacheBytes)
{
    public static VmaJson From(Vma v, NumaMapsVma? numa, PageCacheStat? cache)
    {
        SmapsCounters c = v.Counters;
        return new VmaJson(
            $"{v.Start:x}", $"{v.End:x}", v.Perms, v.Offset, v.Device, v.Inode, v.Mapping, v.Kind.ToString().ToLowerInvariant(), v.Deleted,
            c.SizeBytes, c.RssBytes, c.PssBytes, c.SharedCleanBytes, c.SharedDirtyBytes, c.PrivateCleanBytes,
            c.PrivateDirtyBytes, c.AnonymousBytes, c.AnonHugePagesBytes, c.SwapBytes, c.SwapPssBytes, c.LockedBytes,
            numa?.Policy, numa?.BytesByNode.ToDictionary(n => n.Node, n => n.Bytes), cache?.CachedBytes);
    }
}

/// <summary>A file the process maps or holds open, with how much of it is in the page cache.</summary>
internal sealed record FileCacheJson(string Path, ulong SizeBytes, ulong CachedBytes, ulong? DirtyBytes, ulong? WritebackBytes, string Method, bool Mapped, IReadOnlyList<int> Fds)
{
    public static FileCacheJson From(FileCache f) =>
        new(f.Path, f.SizeBytes, f.Cache.CachedBytes, f.Cache.DirtyBytes, f.Cache.WritebackBytes, f.Cache.Method, f.Mapped, f.Fds);
}
