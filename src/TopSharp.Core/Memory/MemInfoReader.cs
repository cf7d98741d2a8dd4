using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>/proc/meminfo (Documentation/filesystems/proc.rst, "meminfo"): <c>MemTotal:        4011256 kB</c> lines.</summary>
public static class MemInfoReader
{
    public const string Source = "meminfo";

    private static readonly string[] Required = ["MemTotal", "MemFree"];

    /// <summary>
    /// Every line, in file order: <c>kB</c> values in bytes, unitless ones (HugePages_Total…) as counts.
    /// An unparsable line is reported and left out; a missing MemTotal or MemFree fails the parse.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out MemInfo value,
        List<ParseDiagnostic>? diagnostics = null, string path = "") =>
        TryParse(utf8, Source, node: null, out value, diagnostics, path);

    /// <summary>
    /// The format shared with /sys/devices/system/node/nodeN/meminfo, whose keys carry a
    /// <c>Node N </c> prefix: when <paramref name="node"/> is set, every key must have that prefix, which is dropped.
    /// </summary>
    internal static bool TryParse(
        ReadOnlySpan<byte> utf8, string source, int? node, [MaybeNullWhen(false)] out MemInfo value,
        List<ParseDiagnostic>? diagnostics, string path)
    {
        value = null;
        var fields = new List<MemInfoField>(64);
        uint seen = 0;
        int hint = 0;
        var line = new KeyColonValueLines(utf8);
        while (line.MoveNext())
        {
            ReadOnlySpan<byte> key = line.Key;
            if (!line.HasColon || !TryDropNodePrefix(ref key, node) || key.IsEmpty || !line.TryValueBytes(out ulong v))
            {
                diagnostics?.Add(new ParseDiagnostic(source, path, line.LineNumber, $"expected '{(node is int n ? $"Node {n} " : "")}Key: number [kB]': '{Excerpt.Of(line.Key)}:{Excerpt.Of(line.Value)}'"));
                continue;
            }
            int i = KeyTable.IndexOf(Required, key);
            if (i >= 0) seen |= 1u << i;
            fields.Add(new MemInfoField(MemInfoNames.Of(key, ref hint), v, line.ValueIsKilobytes));
        }
        if (KeyTable.Missing(Required, Required.Length, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(source, path, 0, missing));
            return false;
        }
        value = new MemInfo(fields);
        return true;
    }

    /// <summary><c>Node 0 MemTotal</c> → <c>MemTotal</c> when <paramref name="node"/> is 0; false for another node or no prefix.</summary>
    private static bool TryDropNodePrefix(ref ReadOnlySpan<byte> key, int? node)
    {
        if (node is not int n) return true;
        var fields = new Fields(key);
        if (!fields.MoveNext() || !fields.Current.SequenceEqual("Node"u8)) return false;
        if (!fields.MoveNext() || !Number.TryParseInt32(fields.Current, out int found) || found != n) return false;
        key = fields.Rest;
        return true;
    }

    /// <summary>proc/meminfo; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static MemInfo? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("meminfo"), Source, TryParse, diagnostics, out MemInfo? value) ? value : null;
}
