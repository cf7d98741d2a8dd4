using System.Diagnostics.CodeAnalysis;
using System.Text;
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
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        var fields = new List<MemInfoField>(64);
        uint seen = 0;
        var line = new KeyColonValueLines(utf8);
        while (line.MoveNext())
        {
            if (!line.HasColon || line.Key.IsEmpty || !line.TryValueBytes(out ulong v))
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"expected 'Key: number [kB]': '{Excerpt.Of(line.Key)}:{Excerpt.Of(line.Value)}'"));
                continue;
            }
            int i = KeyTable.IndexOf(Required, line.Key);
            if (i >= 0) seen |= 1u << i;
            fields.Add(new MemInfoField(Encoding.UTF8.GetString(line.Key), v, line.ValueIsKilobytes));
        }
        if (KeyTable.Missing(Required, Required.Length, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, missing));
            return false;
        }
        value = new MemInfo(fields);
        return true;
    }

    /// <summary>proc/meminfo; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static MemInfo? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("meminfo"), Source, TryParse, diagnostics, out MemInfo? value) ? value : null;
}
