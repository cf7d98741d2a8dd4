using System.Text;
using TopSharp.ViewModels.Memory;

namespace TopSharp.Ui.Memory;

/// <summary>One screen line of the memory-map view, and how to colour it.</summary>
public readonly record struct MapLine(string Text, MapLineStyle Style);

public enum MapLineStyle { Normal, Title, Header, Selected, Grew, Shrank, Note }

/// <summary>The memory-map view as text lines: pure, so tests read exactly what is drawn.</summary>
public static class MemoryMapText
{
    public const string Keys = "Esc back  ↑↓ PgUp PgDn  ←→ scroll  < > sort column  i invert  g group by mapping  / filter";

    /// <summary>The view's keys for the help screen.</summary>
    public static IReadOnlyList<(string Keys, string Help)> HelpKeys { get; } =
    [
        ("m Enter", "open the selected process's memory map (smaps, numa_maps, page cache)"),
        ("Esc", "back to the process list, on the same process"),
        ("< > F6", "sort by the previous/next column; i inverts"),
        ("g", "group the VMAs by mapping, with totals"),
        ("/ F4", "filter by mapping name (Enter keeps, Esc clears)"),
    ];

    /// <summary>Rows of the file table shown under the map (fewer on a short screen).</summary>
    public const int MaxFileRows = 6;

    /// <summary>How many lines the file table takes at this height: its title, its header and its rows.</summary>
    public static int FileLines(MemoryMapState s, int height) =>
        s.Message is not null || height < 16 ? 0 : 2 + Math.Max(1, Math.Min(MaxFileRows, s.Files.Count));

    /// <summary>Lines above the VMA rows: title, totals, note or filter, column header.</summary>
    public const int TopLines = 4;

    public static List<MapLine> Lines(MemoryMapState s, int width, int height, int top, int selected, int left, string? filterInput)
    {
        var lines = new List<MapLine>(height)
        {
            new(Fit($"Memory map: {s.Title}   {Keys}", width, 0), MapLineStyle.Title),
        };
        if (s.Message is not null)
        {
            lines.Add(new(Fit(s.Message, width, 0), MapLineStyle.Note));
            return lines;
        }
        lines.Add(new(Fit(s.Totals, width, 0), MapLineStyle.Normal));
        string third = filterInput is not null ? $"Filter: {filterInput}█"
            : s.Note is not null ? s.Note
            : s.Settings.Filter.Length > 0 ? $"Filter: {s.Settings.Filter}" : s.Settings.Grouped ? "Grouped by mapping" : "";
        lines.Add(new(Fit(third, width, 0), s.Note is not null && filterInput is null ? MapLineStyle.Note : MapLineStyle.Normal));
        lines.Add(new(Fit(HeaderLine(s.Settings), width, left), MapLineStyle.Header));
        int body = height - TopLines - FileLines(s, height);
        for (int i = top; i < s.Rows.Count && i < top + body; i++)
        {
            MemoryMapRow r = s.Rows[i];
            MapLineStyle style = i == selected ? MapLineStyle.Selected : r.RssGrew ? MapLineStyle.Grew : r.RssShrank ? MapLineStyle.Shrank : MapLineStyle.Normal;
            lines.Add(new(Fit(RowLine(r.Cells), width, left), style));
        }
        if (s.Rows.Count == 0) lines.Add(new(Fit(s.Settings.Filter.Length > 0 ? "no mapping matches the filter" : "no VMAs", width, 0), MapLineStyle.Normal));
        int fileLines = FileLines(s, height);
        if (fileLines == 0) return lines;
        while (lines.Count < height - fileLines) lines.Add(new("", MapLineStyle.Normal));
        lines.Add(new(Fit("Page cache of its files, largest cached first" + (s.FilesNote is { } n ? $": {n}" : ""), width, 0), MapLineStyle.Title));
        lines.Add(new(Fit($"{"CACHED",8} {"%",6} {"SIZE",8} {"DIRTY",7} {"WBACK",7} {"HELD BY",-12} FILE", width, 0), MapLineStyle.Header));
        foreach (FileCacheRow f in s.Files.Take(fileLines - 2))
            lines.Add(new(Fit($"{f.Cached,8} {f.CachedPct,6} {f.Size,8} {f.Dirty,7} {f.Writeback,7} {Clip(f.HeldBy, 12),-12} {f.Path}", width, 0), MapLineStyle.Normal));
        return lines;
    }

    public static string HeaderLine(MapViewSettings settings)
    {
        var sb = new StringBuilder(200);
        foreach (MapColumnDefinition c in MapColumnDefinition.All)
        {
            // The arrow always shows: a title as wide as its column gives up its last letter for it.
            string title = c.Id != settings.SortBy ? c.Title
                : (c.Width > 0 && c.Title.Length >= c.Width ? c.Title[..(c.Width - 1)] : c.Title) + (settings.Descending ? "▼" : "▲");
            Cell(sb, title, c);
        }
        return sb.ToString();
    }

    private static string RowLine(IReadOnlyList<string> cells)
    {
        var sb = new StringBuilder(200);
        foreach (MapColumnDefinition c in MapColumnDefinition.All) Cell(sb, cells[(int)c.Id], c);
        return sb.ToString();
    }

    private static void Cell(StringBuilder sb, string text, MapColumnDefinition c)
    {
        if (c.Width == 0)
        {
            sb.Append(text);
            return;
        }
        string clipped = c.Id == MapColumn.Mapping && text.Length > c.Width ? "…" + text[^(c.Width - 1)..] : Clip(text, c.Width);
        sb.Append(c.Right ? clipped.PadLeft(c.Width) : clipped.PadRight(c.Width)).Append(' ');
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>The part of <paramref name="text"/> from column <paramref name="left"/>, cut or padded to <paramref name="width"/>.</summary>
    private static string Fit(string text, int width, int left)
    {
        string shown = left >= text.Length ? "" : text[left..];
        return shown.Length >= width ? shown[..Math.Max(0, width)] : shown.PadRight(width);
    }
}
