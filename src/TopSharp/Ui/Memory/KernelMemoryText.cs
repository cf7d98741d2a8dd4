using TopSharp.ViewModels.Memory;

namespace TopSharp.Ui.Memory;

/// <summary>The kernel memory pane as text lines under its bar: pure, so tests read exactly what is drawn.</summary>
public static class KernelMemoryText
{
    public const string SortKeys = "F6 >: sort slabs by memory, objects, active ratio";

    /// <summary>The legend under the bar: each part's name and size, in bar order.</summary>
    public static string Legend(KernelMemoryState s) => string.Join("  ", s.Bar.Select((p, i) => $"{Symbols[i % Symbols.Length]} {p.Name} {p.Size}"));

    /// <summary>The glyph of part <c>i</c> of the bar (colour is added by the view; the glyph keeps it readable without).</summary>
    public static readonly char[] Symbols = ['█', '▓', '▒', '░', '▚', '▞', '▙', '▟', '▛', '·'];

    /// <summary>The bar: each part's share of <paramref name="width"/> cells, as part indexes (-1 for the unaccounted rest).</summary>
    public static int[] BarCells(KernelMemoryState s, int width)
    {
        var cells = new int[Math.Max(0, width)];
        Array.Fill(cells, -1);
        double at = 0;
        for (int i = 0; i < s.Bar.Count; i++)
        {
            double end = at + s.Bar[i].Fraction * width;
            for (int x = (int)Math.Round(at); x < Math.Min(width, (int)Math.Round(end)); x++) cells[x] = i;
            at = end;
        }
        return cells;
    }

    /// <summary>Everything below the bar and its legend.</summary>
    public static List<string> Lines(KernelMemoryState s, int width, int height)
    {
        var lines = new List<string>();
        int rows = Math.Max(s.Meminfo.Count, s.VmStat.Count);
        lines.Add(Fit($"{"MEMINFO",-20}{"",10}   {"VMSTAT",-26}{"PER SEC",10}", width));
        for (int i = 0; i < rows; i++)
        {
            string left = i < s.Meminfo.Count ? $"{s.Meminfo[i].Name,-20}{s.Meminfo[i].Value,10}" : new string(' ', 30);
            string right = i < s.VmStat.Count ? $"{s.VmStat[i].Name,-26}{s.VmStat[i].PerSec,10}" : "";
            lines.Add(Fit($"{left}   {right}", width));
        }
        lines.Add("");
        int orders = s.Buddy.Count == 0 ? 0 : s.Buddy.Max(b => b.FreeBlocks.Count);
        lines.Add(Fit($"{"BUDDYINFO free blocks per order",-22}" + string.Concat(Enumerable.Range(0, orders).Select(o => $"{o,7}")) + $"{"LARGEST",8}{"FREE",8}", width));
        foreach (BuddyRow b in s.Buddy)
            lines.Add(Fit($"{b.Zone,-22}" + string.Concat(b.FreeBlocks.Select(c => $"{c,7}")) + $"{b.LargestOrder,8}{b.Free,8}", width));
        lines.Add("");
        string order = s.SlabSort switch { SlabSort.Objects => "objects", SlabSort.ActiveRatio => "active ratio (lowest first)", _ => "memory" };
        lines.Add(Fit($"SLABINFO by {order}   ({SortKeys})", width));
        if (s.SlabReason is { } reason)
        {
            lines.Add(Fit(reason, width));
            return lines;
        }
        lines.Add(Fit($"{"NAME",-26}{"OBJS",10}{"ACTIVE",10}{"USE%",7}{"OBJSIZE",9}{"MEMORY",9}", width));
        foreach (SlabRow r in s.Slabs.Take(Math.Max(0, height - lines.Count)))
            lines.Add(Fit($"{Clip(r.Name, 25),-26}{r.Objects,10}{r.Active,10}{r.ActivePct,7}{r.ObjSize,9}{r.Memory,9}", width));
        return lines;
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Fit(string text, int width) => text.Length >= width ? text[..Math.Max(0, width)] : text;
}
