using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Processes;

namespace TopSharp.Core.Memory;

/// <summary>
/// /proc/PID/smaps_rollup (Documentation/ABI/testing/procfs-smaps_rollup): the smaps sizes summed by the
/// kernel under one <c>[rollup]</c> header. Missing (the read fails) for kernel threads and zombies.
/// </summary>
public static class SmapsRollupReader
{
    public const string Source = "smaps_rollup";

    /// <summary>False, with a diagnostic, when there is no <c>[rollup]</c> entry.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, out SmapsCounters value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var entries = new SmapsEntries(utf8, diagnostics, Source, path);
        if (entries.MoveNext())
        {
            value = entries.Counters;
            return true;
        }
        diagnostics?.Add(new ParseDiagnostic(Source, path, 0, "no [rollup] entry"));
        value = default;
        return false;
    }

    /// <summary>proc/PID/smaps_rollup; null for a kernel thread, a zombie or a vanished process.</summary>
    public static SmapsCounters? Read(KernelRoot root, KernelFile file, int pid, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "smaps_rollup"), Parse, diagnostics, out SmapsCounters value) ? value : null;

    private static bool Parse(ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out SmapsCounters value, List<ParseDiagnostic>? diagnostics, string path) =>
        TryParse(utf8, out value, diagnostics, path);
}
