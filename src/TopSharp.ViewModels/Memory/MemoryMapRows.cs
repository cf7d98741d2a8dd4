using System.Globalization;
using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;

namespace TopSharp.ViewModels.Memory;

/// <summary>The pure part of the memory map: VMAs (or mappings) to sorted, filtered, formatted rows.</summary>
public static class MemoryMapRows
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One VMA or one group of VMAs before formatting: what the sort compares.</summary>
    private sealed record Entry(
        ulong Start, ulong End, string Perms, ulong Offset, string Device, ulong Inode, string Mapping, int Count,
        SmapsCounters C, long? RssDelta, string Numa, ulong? Cached);

    /// <param name="previousRss">RSS per VMA start at the previous read; null on the first read (no change shown).</param>
    public static IReadOnlyList<MemoryMapRow> Build(MemoryMap map, ProcessPageCache? cache, IReadOnlyDictionary<ulong, ulong>? previousRss, MapViewSettings settings)
    {
        var entries = new List<Entry>(map.Smaps.Vmas.Count);
        for (int i = 0; i < map.Smaps.Vmas.Count; i++)
        {
            Vma v = map.Smaps.Vmas[i];
            string name = v.Kind == MappingKind.Anonymous ? "[anon]" : TerminalText.Escape(v.Mapping);
            if (settings.Filter.Length > 0 && !name.Contains(settings.Filter, StringComparison.OrdinalIgnoreCase)) continue;
            long? delta = previousRss is null ? null
                : previousRss.TryGetValue(v.Start, out ulong before) ? (long)v.Counters.RssBytes - (long)before : (long)v.Counters.RssBytes;
            entries.Add(new Entry(v.Start, v.End, v.Perms, v.Offset, v.Device, v.Inode, name, 1, v.Counters, delta,
                Numa(map.Numa[i]), cache?.ByVma[i]?.CachedBytes));
        }
        if (settings.Grouped) entries = Group(entries);
        entries.Sort((a, b) => Compare(a, b, settings.SortBy) * (settings.Descending ? -1 : 1));
        return entries.Select(Row).ToList();
    }

    /// <summary>All VMAs of one mapping as one row: sizes summed, the lowest start, <c>×N</c> in the perms column.</summary>
    private static List<Entry> Group(List<Entry> entries) =>
        entries.GroupBy(e => e.Mapping, StringComparer.Ordinal).Select(g => new Entry(
            g.Min(e => e.Start), g.Max(e => e.End), $"×{g.Count()}", 0, g.First().Device, g.First().Inode, g.Key, g.Count(),
            g.Aggregate(default(SmapsCounters), (s, e) => s + e.C),
            g.Any(e => e.RssDelta is not null) ? g.Sum(e => e.RssDelta ?? 0) : null,
            string.Join(' ', g.Select(e => e.Numa).Where(n => n.Length > 0).Distinct()),
            g.Any(e => e.Cached is not null) ? g.Aggregate(0UL, (s, e) => s + (e.Cached ?? 0)) : null)).ToList();

    private static int Compare(Entry a, Entry b, MapColumn by)
    {
        int c = by switch
        {
            MapColumn.Address => a.Start.CompareTo(b.Start),
            MapColumn.Perms => string.CompareOrdinal(a.Perms, b.Perms),
            MapColumn.Offset => a.Offset.CompareTo(b.Offset),
            MapColumn.Device => string.CompareOrdinal(a.Device, b.Device),
            MapColumn.Inode => a.Inode.CompareTo(b.Inode),
            MapColumn.Size => (a.End - a.Start).CompareTo(b.End - b.Start),
            MapColumn.Rss => a.C.RssBytes.CompareTo(b.C.RssBytes),
            MapColumn.RssDelta => (a.RssDelta ?? 0).CompareTo(b.RssDelta ?? 0),
            MapColumn.Pss => a.C.PssBytes.CompareTo(b.C.PssBytes),
            MapColumn.SharedClean => a.C.SharedCleanBytes.CompareTo(b.C.SharedCleanBytes),
            MapColumn.SharedDirty => a.C.SharedDirtyBytes.CompareTo(b.C.SharedDirtyBytes),
            MapColumn.PrivateClean => a.C.PrivateCleanBytes.CompareTo(b.C.PrivateCleanBytes),
            MapColumn.PrivateDirty => a.C.PrivateDirtyBytes.CompareTo(b.C.PrivateDirtyBytes),
            MapColumn.Swap => a.C.SwapBytes.CompareTo(b.C.SwapBytes),
            MapColumn.SwapPss => a.C.SwapPssBytes.CompareTo(b.C.SwapPssBytes),
            MapColumn.AnonHuge => a.C.AnonHugePagesBytes.CompareTo(b.C.AnonHugePagesBytes),
            MapColumn.Locked => a.C.LockedBytes.CompareTo(b.C.LockedBytes),
            MapColumn.Numa => string.CompareOrdinal(a.Numa, b.Numa),
            MapColumn.Cached => (a.Cached ?? 0).CompareTo(b.Cached ?? 0),
            _ => string.CompareOrdinal(a.Mapping, b.Mapping),
        };
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    }

    private static MemoryMapRow Row(Entry e)
    {
        SmapsCounters c = e.C;
        string[] cells =
        [
            $"{e.Start:x}-{e.End:x}", e.Perms, e.Count > 1 ? "" : e.Offset.ToString("x", Invariant), e.Device, e.Inode.ToString(Invariant),
            Size(e.End - e.Start), Size(c.RssBytes), Delta(e.RssDelta), Size(c.PssBytes), Size(c.SharedCleanBytes), Size(c.SharedDirtyBytes),
            Size(c.PrivateCleanBytes), Size(c.PrivateDirtyBytes), Size(c.SwapBytes), Size(c.SwapPssBytes), Size(c.AnonHugePagesBytes),
            Size(c.LockedBytes), e.Numa, e.Cached is { } cached ? Size(cached) : "-", e.Mapping,
        ];
        return new MemoryMapRow(cells, e.RssDelta > 0, e.RssDelta < 0);
    }

    /// <summary><c>bind:1 N1=200M</c>: the policy when not default, and the resident bytes per node.</summary>
    private static string Numa(NumaMapsVma? n)
    {
        if (n is null) return "";
        string nodes = string.Join(' ', n.BytesByNode.Select(b => $"N{b.Node}={Size(b.Bytes)}"));
        return n.Policy == NumaMapsVma.DefaultPolicy ? nodes : $"{n.Policy} {nodes}".TrimEnd();
    }

    public static string Size(ulong bytes) => bytes == 0 ? "0" : Units.Bytes(bytes);

    private static string Delta(long? delta) => delta switch
    {
        null or 0 => "",
        > 0 => "+" + Units.Bytes((ulong)delta.Value),
        _ => "-" + Units.Bytes((ulong)(-delta.Value)),
    };

    /// <summary>The file table: largest cached first (as the reader orders it).</summary>
    public static IReadOnlyList<FileCacheRow> Files(ProcessPageCache? cache) =>
        cache?.Files.Select(f => new FileCacheRow(
            TerminalText.Escape(f.Path), Size(f.SizeBytes), Size(f.Cache.CachedBytes), Units.Percent(f.CachedPct),
            f.Cache.DirtyBytes is { } d ? Size(d) : "-", f.Cache.WritebackBytes is { } w ? Size(w) : "-",
            string.Join(',', (f.Mapped ? ["map"] : Array.Empty<string>()).Concat(f.Fds.Select(fd => $"fd {fd}"))))).ToList() ?? [];
}
