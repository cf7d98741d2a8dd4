using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cpu;

/// <summary>/proc/uptime (proc(5)): seconds since boot, then idle seconds summed over CPUs: <c>18.99 100.64</c>.</summary>
public static class UptimeReader
{
    public const string Source = "uptime";

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out Uptime value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        var fields = new Fields(utf8.TrimEnd((byte)'\n'));
        if (fields.MoveNext() && Number.TryParseDouble(fields.Current, out double up)
            && fields.MoveNext() && Number.TryParseDouble(fields.Current, out double idle))
        {
            value = new Uptime(up, idle);
            return true;
        }
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected 'uptime idle' in seconds: '{Excerpt.Of(utf8)}'"));
        return false;
    }

    /// <summary>proc/uptime; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static Uptime? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("uptime"), Source, TryParse, diagnostics, out Uptime? value) ? value : null;
}
