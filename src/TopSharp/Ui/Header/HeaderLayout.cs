using TopSharp.ViewModels.Header;
using S = TopSharp.Ui.SchemeNames;

namespace TopSharp.Ui.Header;

/// <summary>
/// Places the header's meters for a width, as htop arranges them: the per-CPU bars folded into columns
/// (<see cref="CpuGrid"/>), then memory and swap on the left beside tasks, load and uptime on the right
/// (one column below <see cref="TwoColumnWidth"/>), then PSI, the colour legend, and the disagreement line.
/// Pure: the view draws what this returns, and tests check it at any width.
/// </summary>
public static class HeaderLayout
{
    public const int TwoColumnWidth = 60;

    /// <summary>Segment glyphs when colour cannot tell the parts apart (monochrome), one per part, as htop does.</summary>
    private const string PlainGlyphs = "|#*@$%.";

    private static readonly (string Word, string Scheme)[] CpuParts =
    [
        ("user", S.CpuUser), ("nice", S.CpuNice), ("sys", S.CpuSystem), ("irq", S.CpuIrq),
        ("soft", S.CpuSoftirq), ("steal", S.CpuSteal), ("iowait", S.CpuIowait),
    ];

    private static readonly (string Word, string Scheme)[] MemParts =
    [
        ("used", S.MemUsed), ("buffers", S.MemBuffers), ("shared", S.MemShared), ("cache", S.MemCache),
    ];

    /// <summary>Every item for <paramref name="state"/> at <paramref name="width"/>, and the rows they need.</summary>
    public static (IReadOnlyList<HeaderItem> Items, int Rows) Build(HeaderState state, int width, bool plainGlyphs)
    {
        var items = new List<HeaderItem>();
        if (width <= 0) return (items, 0);
        int y = CpuBars(state.Cpus, width, plainGlyphs, items);

        var left = new List<Func<int, int, int, HeaderItem>>();
        var right = new List<Func<int, int, int, HeaderItem>>();
        if (state.Memory is { } mem)
            left.Add((x, row, w) => new BarItem(x, row, w, "Mem", MemSegments(mem, plainGlyphs), mem.Text));
        if (state.Swap is { } swap)
            left.Add((x, row, w) => new BarItem(x, row, w, "Swp", [Part(Fraction(swap.UsedBytes, swap.TotalBytes), S.SwapUsed, 0, plainGlyphs)], swap.Text));
        if (state.Tasks.Text.Length > 0) right.Add((x, row, w) => LabelValue(x, row, w, state.Tasks.Text));
        if (state.Load is { } load) right.Add((x, row, w) => LabelValue(x, row, w, "Load average: " + load.Text));
        if (state.Uptime is { } up) right.Add((x, row, w) => LabelValue(x, row, w, "Uptime: " + up));

        if (width >= TwoColumnWidth)
        {
            int half = width / 2;
            for (int i = 0; i < left.Count; i++) items.Add(left[i](0, y + i, half - 1));
            for (int i = 0; i < right.Count; i++) items.Add(right[i](half + 1, y + i, width - half - 1));
            y += Math.Max(left.Count, right.Count);
        }
        else
        {
            foreach (var place in left.Concat(right)) items.Add(place(0, y++, width));
        }

        if (state.Pressure.Text.Length > 0) items.Add(LabelValue(0, y++, width, state.Pressure.Text));
        var legends = new List<List<TextRun>>();
        if (state.Cpus.Count > 0) legends.Add(Legend("CPU ", CpuParts, plainGlyphs));
        if (state.Memory is not null) legends.Add(Legend("Mem ", MemParts, plainGlyphs));
        if (legends.Sum(l => l.Sum(r => r.Text.Length) + 2) <= width)
            legends = [[.. legends.SelectMany((l, i) => i == 0 ? l : l.Prepend(new TextRun("  ", S.MeterLabel)))]];
        foreach (List<TextRun> legend in legends.Where(l => l.Count > 0)) items.Add(new TextItem(0, y++, width, legend));
        if (state.Disagreement is { } warning) items.Add(new TextItem(0, y++, width, [new TextRun("! " + warning, S.Warning)]));
        return (items, y);
    }

    private static int CpuBars(IReadOnlyList<CpuMeter> cpus, int width, bool plain, List<HeaderItem> items)
    {
        CpuGrid grid = CpuGrid.For(cpus.Count, width);
        if (grid.Rows == 0) return 0;
        int columnWidth = width / grid.Columns;
        int labelWidth = cpus.Max(c => c.Label.Length);
        for (int i = 0; i < cpus.Count; i++)
        {
            CpuMeter c = cpus[i];
            var (column, row) = grid.Place(i);
            int w = column == grid.Columns - 1 ? width - column * columnWidth : columnWidth - 1;
            MeterSegment[] parts =
            [
                Part(c.User / 100, S.CpuUser, 0, plain), Part(c.Nice / 100, S.CpuNice, 1, plain),
                Part(c.System / 100, S.CpuSystem, 2, plain), Part(c.Irq / 100, S.CpuIrq, 3, plain),
                Part(c.Softirq / 100, S.CpuSoftirq, 4, plain), Part(c.Steal / 100, S.CpuSteal, 5, plain),
                Part(c.Iowait / 100, S.CpuIowait, 6, plain),
            ];
            items.Add(new BarItem(column * columnWidth, row, w, c.Label.PadLeft(labelWidth), parts, c.Text));
        }
        return grid.Rows;
    }

    private static MeterSegment[] MemSegments(MemoryBar m, bool plain) =>
    [
        Part(Fraction(m.UsedBytes, m.TotalBytes), S.MemUsed, 0, plain),
        Part(Fraction(m.BuffersBytes, m.TotalBytes), S.MemBuffers, 1, plain),
        Part(Fraction(m.ShmemBytes, m.TotalBytes), S.MemShared, 2, plain),
        Part(Fraction(m.CacheBytes, m.TotalBytes), S.MemCache, 3, plain),
    ];

    private static MeterSegment Part(double fraction, string scheme, int index, bool plain) =>
        new(fraction, scheme, plain ? PlainGlyphs[index] : '|');

    private static double Fraction(ulong part, ulong total) => total == 0 ? 0 : (double)part / total;

    /// <summary><c>"Load average: 0.52 0.58 0.59"</c> drawn as a label run and a value run.</summary>
    private static TextItem LabelValue(int x, int y, int width, string text)
    {
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? new TextItem(x, y, width, [new TextRun(text, S.MeterValue)])
            : new TextItem(x, y, width, [new TextRun(text[..(colon + 2)], S.MeterLabel), new TextRun(text[(colon + 2)..], S.MeterValue)]);
    }

    private static List<TextRun> Legend(string title, (string Word, string Scheme)[] parts, bool plain)
    {
        var runs = new List<TextRun> { new(title, S.MeterLabel) };
        for (int i = 0; i < parts.Length; i++)
            runs.Add(new TextRun($"{(plain ? PlainGlyphs[i] : '|')}{parts[i].Word} ", parts[i].Scheme));
        return runs;
    }
}
