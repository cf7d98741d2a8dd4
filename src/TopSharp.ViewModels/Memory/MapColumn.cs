namespace TopSharp.ViewModels.Memory;

/// <summary>The memory map's columns: the maps header, every smaps field, the NUMA join, the page cache, the name.</summary>
public enum MapColumn
{
    Address, Perms, Offset, Device, Inode, Size, Rss, RssDelta, Pss, SharedClean, SharedDirty, PrivateClean, PrivateDirty,
    Swap, SwapPss, AnonHuge, Locked, Numa, Cached, Mapping,
}

/// <summary>A column's title and width (0 = the rest of the line) and whether it is right-aligned.</summary>
public readonly record struct MapColumnDefinition(MapColumn Id, string Title, int Width, bool Right)
{
    /// <summary>
    /// In display order: the sizes first, then the name (clipped from the left, so the file name shows), then what is
    /// left of the maps header. Cells are indexed by <see cref="MapColumn"/>, not by this order.
    /// </summary>
    public static IReadOnlyList<MapColumnDefinition> All { get; } =
    [
        new(MapColumn.Address, "ADDRESS", 25, false), new(MapColumn.Perms, "PERM", 5, false),
        new(MapColumn.Size, "SIZE", 6, true), new(MapColumn.Rss, "RSS", 6, true), new(MapColumn.RssDelta, "ΔRSS", 6, true),
        new(MapColumn.Pss, "PSS", 6, true), new(MapColumn.SharedClean, "SH_CLN", 6, true), new(MapColumn.SharedDirty, "SH_DRT", 6, true),
        new(MapColumn.PrivateClean, "PR_CLN", 6, true), new(MapColumn.PrivateDirty, "PR_DRT", 6, true),
        new(MapColumn.Swap, "SWAP", 6, true), new(MapColumn.SwapPss, "SWPPSS", 6, true), new(MapColumn.AnonHuge, "THP", 6, true),
        new(MapColumn.Locked, "LOCKED", 6, true), new(MapColumn.Cached, "CACHED", 6, true),
        new(MapColumn.Mapping, "MAPPING", 36, false), new(MapColumn.Numa, "NUMA", 24, false),
        new(MapColumn.Offset, "OFFSET", 8, true), new(MapColumn.Device, "DEV", 5, false), new(MapColumn.Inode, "INODE", 0, false),
    ];
}
