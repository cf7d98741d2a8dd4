namespace TopSharp.ViewModels.Memory;

/// <summary>What the memory-map view shows, already formatted.</summary>
/// <param name="Title">PID and command.</param>
/// <param name="Totals">One line of smaps_rollup totals.</param>
/// <param name="Note">Where smaps_rollup disagrees with status VmRSS; null when they agree.</param>
/// <param name="Message">Why there is no map (kernel thread, zombie, gone); null when there is one.</param>
/// <param name="Rows">One per VMA, or per mapping when <see cref="MapViewSettings.Grouped"/>; sorted and filtered.</param>
/// <param name="Files">Files the process maps or holds open, largest cached first.</param>
/// <param name="FilesNote">Why there are no page-cache figures; null when there are.</param>
public sealed record MemoryMapState(
    int Pid,
    string Title,
    string Totals,
    string? Note,
    string? Message,
    IReadOnlyList<MemoryMapRow> Rows,
    IReadOnlyList<FileCacheRow> Files,
    string? FilesNote,
    MapViewSettings Settings)
{
    public static MemoryMapState Empty { get; } = new(0, "", "", null, "reading the memory map…", [], [], null, MapViewSettings.Default);
}

/// <summary>One row: a cell per <see cref="MapColumnDefinition.All"/> column; <see cref="RssGrew"/>/<see cref="RssShrank"/> since the last read.</summary>
public sealed record MemoryMapRow(IReadOnlyList<string> Cells, bool RssGrew, bool RssShrank);

/// <summary>One file of the page-cache table.</summary>
public sealed record FileCacheRow(string Path, string Size, string Cached, string CachedPct, string Dirty, string Writeback, string HeldBy);

/// <summary>How the map is shown: sort column and direction, grouping by mapping, and a text filter on the mapping.</summary>
public sealed record MapViewSettings(MapColumn SortBy, bool Descending, bool Grouped, string Filter)
{
    public static MapViewSettings Default { get; } = new(MapColumn.Address, false, false, "");
}
