using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/nodeN/numastat (Documentation/admin-guide/numastat.rst):
/// <c>numa_hit 18885</c> lines. All six counters are required; unknown keys are ignored.
/// </summary>
public static class NumaStatReader
{
    public const string Source = "numastat";

    internal static readonly string[] Keys = ["numa_hit", "numa_miss", "numa_foreign", "interleave_hit", "local_node", "other_node"];

    public static bool TryParse(ReadOnlySpan<byte> utf8, out NumaStat value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = default;
        Span<ulong> counters = stackalloc ulong[Keys.Length];
        uint seen = 0;
        var line = new KeyValueLines(utf8);
        while (line.MoveNext())
        {
            int i = KeyTable.IndexOf(Keys, line.Key);
            if (i < 0) continue;
            if (!line.TryValueUInt64(out counters[i]))
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"{Keys[i]} unparsable: '{Excerpt.Of(line.Value)}'"));
                return false;
            }
            seen |= 1u << i;
        }
        if (KeyTable.Missing(Keys, Keys.Length, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, missing));
            return false;
        }
        value = new NumaStat(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5]);
        return true;
    }

    /// <summary>nodeN/numastat; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static NumaStat? Read(KernelRoot root, KernelFile file, int node, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, NodePath.Of(root, node, "numastat"), Source, TryParse, diagnostics, out NumaStat value) ? value : null;
}
