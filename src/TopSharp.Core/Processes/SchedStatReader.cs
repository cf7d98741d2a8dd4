using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/schedstat and task/TID/schedstat (Documentation/scheduler/sched-stats.rst):
/// <c>sum_exec_runtime run_delay pcount</c>, e.g. <c>1161617630 4980995240 52</c>.
/// </summary>
public static class SchedStatReader
{
    public const string Source = "PID/schedstat";

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, out SchedStat value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var fields = new Fields(utf8.TrimEnd((byte)'\n'));
        if (fields.TryNextUInt64(out ulong runtime) && fields.TryNextUInt64(out ulong delay) && fields.TryNextUInt64(out ulong slices))
        {
            value = new SchedStat(runtime, delay, slices);
            return true;
        }
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected 3 numbers: '{Excerpt.Of(utf8)}'"));
        value = default;
        return false;
    }

    /// <summary>proc/PID/schedstat, or task/TID/schedstat; false without a diagnostic when the task has vanished.</summary>
    public static bool TryRead(
        KernelRoot root, KernelFile file, int pid, out SchedStat value, List<ParseDiagnostic> diagnostics, int? tid = null) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, tid, "schedstat"), TryParse, diagnostics, out value);
}
