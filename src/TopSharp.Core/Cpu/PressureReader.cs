using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cpu;

/// <summary>
/// /proc/pressure/{cpu,memory,io} (Documentation/accounting/psi.rst):
/// <c>some avg10=53.41 avg60=13.68 avg300=3.05 total=10817583</c> and, except for cpu before 5.13, a <c>full</c> line.
/// </summary>
public static class PressureReader
{
    public const string Source = "pressure";

    private static readonly string[] LineKeys = ["some", "full"];
    private static readonly string[] FieldKeys = ["avg10", "avg60", "avg300", "total"];

    /// <summary>One resource's file. The <c>some</c> line is required; unknown lines and fields are ignored.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out PressureResource value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        PressureLine some = default;
        PressureLine? full = null;
        bool hasSome = false;
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            var fields = new Fields(lines.Current);
            if (!fields.MoveNext()) continue;
            int kind = KeyTable.IndexOf(LineKeys, fields.Current);
            if (kind < 0) continue;
            if (ParseLine(fields.Rest, out PressureLine parsed) is string missing)
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"{LineKeys[kind]}: {missing}"));
                return false;
            }
            if (kind == 0) (some, hasSome) = (parsed, true);
            else full = parsed;
        }
        if (!hasSome)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, "missing some"));
            return false;
        }
        value = new PressureResource(some, full);
        return true;
    }

    /// <summary>
    /// proc/pressure/{cpu,memory,io}. A missing or unreadable file (no CONFIG_PSI, psi=0) is a null resource and
    /// no diagnostic: PSI is a capability, not a fault. A file that does not parse is null with a diagnostic.
    /// </summary>
    public static Pressure Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        new(ReadResource(root, file, "cpu", diagnostics),
            ReadResource(root, file, "memory", diagnostics),
            ReadResource(root, file, "io", diagnostics));

    private static PressureResource? ReadResource(KernelRoot root, KernelFile file, string resource, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, root.Proc($"pressure/{resource}"), TryParse, diagnostics, out PressureResource? value) ? value : null;

    /// <summary>Null when every field parsed, else what is missing or unparsable.</summary>
    private static string? ParseLine(ReadOnlySpan<byte> text, out PressureLine line)
    {
        line = default;
        Span<double> avg = stackalloc double[3];
        ulong total = 0;
        uint seen = 0;
        var fields = new KeyEqualsValueFields(text);
        while (fields.MoveNext())
        {
            int i = KeyTable.IndexOf(FieldKeys, fields.Key);
            if (i < 0) continue;
            bool ok = i < 3 ? Number.TryParseDouble(fields.Value, out avg[i]) : Number.TryParseUInt64(fields.Value, out total);
            if (!ok) return $"{FieldKeys[i]} unparsable: '{Excerpt.Of(fields.Value)}'";
            seen |= 1u << i;
        }
        if (KeyTable.Missing(FieldKeys, FieldKeys.Length, seen) is string missing) return missing;
        line = new PressureLine(avg[0], avg[1], avg[2], total);
        return null;
    }
}
