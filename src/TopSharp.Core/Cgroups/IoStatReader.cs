using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// <c>io.stat</c> (Documentation/admin-guide/cgroup-v2.rst "io.stat"): one line per device,
/// <c>8:16 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0</c>. Summed over devices; an
/// empty file (no I/O yet) is all zero.
/// </summary>
public static class IoStatReader
{
    public const string Source = "io.stat";

    private static readonly string[] Keys = ["rbytes", "wbytes", "rios", "wios"];

    public static bool TryParse(ReadOnlySpan<byte> utf8, out IoStat value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = default;
        Span<ulong> sum = stackalloc ulong[Keys.Length];
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            var fields = new KeyEqualsValueFields(lines.Current);
            while (fields.MoveNext())
            {
                int i = KeyTable.IndexOf(Keys, fields.Key);
                if (i < 0) continue;
                if (!Number.TryParseUInt64(fields.Value, out ulong n))
                {
                    diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"{Keys[i]} unparsable: '{Excerpt.Of(fields.Value)}'"));
                    return false;
                }
                sum[i] += n;
            }
        }
        value = new IoStat(sum[0], sum[1], sum[2], sum[3]);
        return true;
    }
}
