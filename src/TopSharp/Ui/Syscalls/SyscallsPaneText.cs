using TopSharp.ViewModels.Syscalls;

namespace TopSharp.Ui.Syscalls;

/// <summary>One line of the syscall pane; <see cref="Emphasis"/> for headings and rows with errors.</summary>
public readonly record struct SyscallLine(string Text, bool Emphasis);

/// <summary>Lays out the syscall pane as lines for a width: the system-wide table, then the selected process's. Pure.</summary>
public static class SyscallsPaneText
{
    private const string Columns = "  SYSCALL              CALLS/s  ERRORS/s      P50      P99";

    public static IReadOnlyList<SyscallLine> Lines(SyscallsState state, int width)
    {
        var lines = new List<SyscallLine>();
        if (state.Message is { } message)
        {
            lines.Add(new("Syscalls: " + message, true));
            if (state.Hint is { } hint) lines.Add(new(hint, false));
            lines.Add(new("Everything else works without it; --no-bpf turns eBPF off.", false));
            return Clip(lines, width);
        }
        string latency = state.Latency ? "latency on (l: off; it costs more per syscall)" : "latency off (l: time every syscall)";
        lines.Add(new($"System-wide, busiest first    {latency}", true));
        lines.Add(new(Columns, false));
        lines.AddRange(state.System.Select(Row));
        if (state.System.Count == 0) lines.Add(new("  (no syscalls counted yet)", false));
        lines.Add(new("", false));
        lines.Add(new(state.ProcessTitle, true));
        if (state.Process.Count > 0)
        {
            lines.Add(new(Columns, false));
            lines.AddRange(state.Process.Select(Row));
        }
        return Clip(lines, width);
    }

    private static SyscallLine Row(SyscallRow r) =>
        new($"  {r.Name,-18} {r.CallsPerSec,9} {r.ErrorsPerSec,9} {r.P50,8} {r.P99,8}", r.HasErrors);

    private static List<SyscallLine> Clip(List<SyscallLine> lines, int width) =>
        lines.Select(l => l with { Text = l.Text.Length > width ? l.Text[..Math.Max(0, width)] : l.Text }).ToList();
}
