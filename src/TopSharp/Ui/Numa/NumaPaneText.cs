using System.Text;
using TopSharp.Ui.Header;
using TopSharp.ViewModels.Numa;

namespace TopSharp.Ui.Numa;

/// <summary>One line of the NUMA pane, and whether it is to stand out (a high miss share).</summary>
public readonly record struct NumaLine(string Text, bool Highlight);

/// <summary>
/// Lays out the NUMA pane as lines of text for a width: the summary, the node table with a memory bar per
/// node, the distance matrix, the huge page pools, and the selected process's per-node bars. Pure, so every size is testable.
/// </summary>
public static class NumaPaneText
{
    /// <summary>Cells between the brackets of a memory bar; with them, the 28-wide Memory column.</summary>
    private const int BarInner = 26;

    public static IReadOnlyList<NumaLine> Lines(NumaState state, int width)
    {
        var lines = new List<NumaLine>();
        if (state.Message is { } message)
        {
            lines.Add(new("NUMA: " + message, false));
            return Clip(lines, width);
        }
        lines.Add(new("NUMA  " + state.Summary, false));
        lines.Add(new($"{"Node",4} {"CPUs",-8} {"Memory used",-28} {"hit/s",9} {"miss/s",8} {"foreign/s",9} {"miss%",6} {"CPU%",6}", false));
        foreach (NumaNodeRow n in state.Nodes)
        {
            string bar = Bar(n.UsedFraction, n.Memory);
            lines.Add(new($"{n.Node,4} {n.Cpus,-8} {bar} {n.HitPerSec,9} {n.MissPerSec,8} {n.ForeignPerSec,9} {n.MissPct,6} {n.CpuBusyPct,6}", n.MissHigh));
        }
        lines.Add(new("", false));
        lines.Add(new("Distances " + string.Concat(state.Nodes.Select(n => $"{n.Node,5}")), false));
        foreach (NumaNodeRow n in state.Nodes)
            lines.Add(new($"{n.Node,9} " + string.Concat(n.Distances.Select(d => $"{d,5}")), false));
        if (state.Nodes.Any(n => n.HugePages.Count > 0))
        {
            lines.Add(new("", false));
            lines.Add(new("HugePages free/total per size (+surplus)", false));
            foreach (NumaNodeRow n in state.Nodes)
                lines.Add(new($"{n.Node,9} " + string.Join("   ", n.HugePages), false));
        }
        if (state.Selected is { } p)
        {
            lines.Add(new("", false));
            string policies = p.Policies.Length > 0 ? "  policy " + p.Policies : "";
            lines.Add(new($"PID {p.Pid} {p.Comm}  mems allowed {p.MemsAllowed}{policies}", false));
            if (p.Message is { } why) lines.Add(new("  " + why, false));
            foreach (NodeShare s in p.Nodes)
                lines.Add(new($"{"N" + s.Node,9} {Bar(s.Fraction, s.Bytes)}", false));
        }
        return Clip(lines, width);
    }

    /// <summary><c>[|||||     96.3M/962M]</c>: the fraction filled with '|', the text right-aligned over it.</summary>
    private static string Bar(double fraction, string text)
    {
        var sb = new StringBuilder("[");
        foreach (MeterBar.Cell c in MeterBar.Layout(BarInner, [new MeterSegment(fraction, "", '|')], text)) sb.Append(c.Glyph);
        return sb.Append(']').ToString();
    }

    private static List<NumaLine> Clip(List<NumaLine> lines, int width) =>
        lines.Select(l => l with { Text = l.Text.Length > width ? l.Text[..Math.Max(0, width)] : l.Text }).ToList();
}
