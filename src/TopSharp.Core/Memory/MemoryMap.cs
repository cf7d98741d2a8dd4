using TopSharp.Core.Numa;

namespace TopSharp.Core.Memory;

/// <summary>
/// A process's memory map: smaps, its smaps_rollup totals and the numa_maps entry of each VMA, joined by start
/// address (both files list the same VMAs in address order; numa_maps may lack a VMA that vanished between the reads).
/// </summary>
/// <param name="Rollup">smaps_rollup; null when the read failed (kernel thread, zombie, vanished).</param>
/// <param name="Numa">The numa_maps entry per VMA, index for index; null where numa_maps had none.</param>
public sealed record MemoryMap(int Pid, Smaps Smaps, SmapsCounters? Rollup, IReadOnlyList<NumaMapsVma?> Numa)
{
    /// <summary>Kernel threads and zombies have no address space: smaps is empty and smaps_rollup absent.</summary>
    public bool HasAddressSpace => Smaps.Vmas.Count > 0 || Rollup is not null;

    /// <summary>
    /// Why the totals are below status VmRSS, when they are by more than 5% and 1 MiB: the kernel's smaps walk can miss
    /// transparent huge pages that NUMA balancing has marked for sampling, which status (a counter) and numa_maps still count.
    /// Null when they agree, or without smaps_rollup.
    /// </summary>
    public string? RssDisagreement(ulong? vmRssBytes)
    {
        if (Rollup is not { } r || vmRssBytes is not { } vmRss || r.RssBytes >= vmRss) return null;
        ulong gap = vmRss - r.RssBytes;
        if (gap * 20 < vmRss || gap < 1024 * 1024) return null;
        return $"smaps_rollup Rss {r.RssBytes / 1024} kB is below status VmRSS {vmRss / 1024} kB: "
            + "smaps can miss THP pages under NUMA balancing; numa_maps and status count them";
    }

    /// <summary>A merge join of two address-ordered lists.</summary>
    public static IReadOnlyList<NumaMapsVma?> JoinNuma(Smaps smaps, NumaMaps? numa)
    {
        var joined = new NumaMapsVma?[smaps.Vmas.Count];
        if (numa is null) return joined;
        int j = 0;
        for (int i = 0; i < joined.Length; i++)
        {
            ulong start = smaps.Vmas[i].Start;
            while (j < numa.Vmas.Count && numa.Vmas[j].Address < start) j++;
            if (j < numa.Vmas.Count && numa.Vmas[j].Address == start) joined[i] = numa.Vmas[j++];
        }
        return joined;
    }

    /// <summary>smaps, smaps_rollup and numa_maps of one process; null when the process is gone.</summary>
    public static MemoryMap? Read(KernelRoot root, KernelFile file, int pid, List<ParseDiagnostic> diagnostics)
    {
        if (SmapsReader.Read(root, file, pid, diagnostics) is not { } smaps) return null;
        SmapsCounters? rollup = SmapsRollupReader.Read(root, file, pid, diagnostics);
        NumaMaps? numa = NumaMapsReader.Read(root, file, pid, diagnostics);
        return new MemoryMap(pid, smaps, rollup, JoinNuma(smaps, numa));
    }
}
