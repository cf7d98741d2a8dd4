using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/nodeN/distance (Documentation/ABI/stable/sysfs-devices-node): one row of the
/// SLIT distance matrix, <c>40 32 20 10</c>, one number per online node in node order (10 = local).
/// The matrix need not be symmetric.
/// </summary>
public static class NodeDistanceReader
{
    public const string Source = "distance";

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out IReadOnlyList<int> value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        var row = new List<int>();
        var lines = new LineReader(utf8);
        if (lines.MoveNext())
        {
            foreach (ReadOnlySpan<byte> field in new Fields(lines.Current))
            {
                if (!Number.TryParseInt32(field, out int d) || d < 0)
                {
                    diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"distance unparsable: '{Excerpt.Of(field)}'"));
                    return false;
                }
                row.Add(d);
            }
        }
        if (row.Count == 0)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, "empty"));
            return false;
        }
        value = row;
        return true;
    }

    /// <summary>nodeN/distance; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static IReadOnlyList<int>? Read(KernelRoot root, KernelFile file, int node, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, NodePath.Of(root, node, "distance"), Source, TryParse, diagnostics, out IReadOnlyList<int>? value) ? value : null;
}
