using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cpu;

/// <summary>/proc/loadavg (Documentation/filesystems/proc.rst, table 1-5): <c>1.06 0.23 0.08 1/130 210</c>.</summary>
public static class LoadAvgReader
{
    public const string Source = "loadavg";

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out LoadAvg value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        var fields = new Fields(utf8.TrimEnd((byte)'\n'));
        if (NextDouble(ref fields, out double avg1) && NextDouble(ref fields, out double avg5) && NextDouble(ref fields, out double avg15)
            && fields.MoveNext() && TryParseRatio(fields.Current, out int running, out int total)
            && fields.MoveNext() && Number.TryParseInt32(fields.Current, out int lastPid))
        {
            value = new LoadAvg(avg1, avg5, avg15, running, total, lastPid);
            return true;
        }
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected 'avg1 avg5 avg15 running/total lastpid': '{Excerpt.Of(utf8)}'"));
        return false;
    }

    /// <summary>proc/loadavg; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static LoadAvg? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("loadavg"), Source, TryParse, diagnostics, out LoadAvg? value) ? value : null;

    private static bool NextDouble(ref Fields fields, out double value)
    {
        value = 0;
        return fields.MoveNext() && Number.TryParseDouble(fields.Current, out value);
    }

    private static bool TryParseRatio(ReadOnlySpan<byte> text, out int running, out int total)
    {
        running = total = 0;
        int slash = text.IndexOf((byte)'/');
        return slash > 0 && Number.TryParseInt32(text[..slash], out running) && Number.TryParseInt32(text[(slash + 1)..], out total);
    }
}
