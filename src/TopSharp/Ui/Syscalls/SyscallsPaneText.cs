using TopSharp.ViewModels.Syscalls;

namespace TopSharp.Ui.Syscalls;

/// <summary>Lays out the syscall pane as lines for a width: the system-wide (or cgroup) table, then the selected process's. Pure.</summary>
public static class SyscallsPaneText
{
    private const string Columns = "  SYSCALL              CALLS/s  ERRORS/s      P50      P99";

    public static IReadOnlyList<string> Lines(SyscallsState state, int width)
    {
        var lines = new List<string>();
        if (state.Message is { } message)
        {
            lines.Add("Syscalls: " + message);
            if (state.Hint is { } hint) lines.Add(hint);
            lines.Add("Everything else works without it; --no-bpf turns eBPF off.");
            return Clip(lines, width);
        }
        string latency = state.Latency ? "latency on (l: off; it costs more per syscall)" : "latency off (l: time syscalls)";
        lines.Add($"{state.SystemTitle}, busiest first    {latency}");
        if (state.Cgroup is { } cgroup)
            lines.Add(state.Scoped ? "c: the whole machine" : $"c: only cgroup {cgroup} (the process table's filter)");
        lines.Add(Columns);
        lines.AddRange(state.System.Select(Row));
        if (state.System.Count == 0) lines.Add("  (no syscalls counted yet)");
        if (state.ScopeNote is { } note) lines.Add("  " + note);
        lines.Add("");
        lines.Add(state.ProcessTitle);
        if (state.Process.Count > 0)
        {
            lines.Add(Columns);
            lines.AddRange(state.Process.Select(Row));
        }
        return Clip(lines, width);
    }

    private static string Row(SyscallRow r) => $"  {r.Name,-18} {r.CallsPerSec,9} {r.ErrorsPerSec,9} {r.P50,8} {r.P99,8}";

    private static List<string> Clip(List<string> lines, int width) =>
        lines.Select(l => l.Length > width ? l[..Math.Max(0, width)] : l).ToList();
}
