using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// <c>cpu.stat</c>: v2 (Documentation/admin-guide/cgroup-v2.rst "cpu.stat") <c>usage_usec 13655681</c> …
/// <c>nr_throttled 135</c> <c>throttled_usec 12716971</c>; v1 (Documentation/scheduler/sched-bwc.rst)
/// <c>nr_periods</c>, <c>nr_throttled</c>, <c>throttled_time</c> in ns. Unknown keys are ignored.
/// </summary>
public static class CpuStatReader
{
    public const string Source = "cpu.stat";

    private static readonly string[] Keys = ["usage_usec", "nr_periods", "nr_throttled", "throttled_usec", "throttled_time"];

    /// <summary>
    /// A v2 group without the cpu controller enabled writes only the usage keys: its throttling counters are 0.
    /// False (with a diagnostic) when no known key is there or a known value is not a number.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out CpuStat value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = default;
        Span<ulong> v = stackalloc ulong[Keys.Length];
        uint seen = 0;
        var lines = new KeyValueLines(utf8);
        while (lines.MoveNext())
        {
            int i = KeyTable.IndexOf(Keys, lines.Key);
            if (i < 0) continue;
            if (!lines.TryValueUInt64(out v[i]))
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"{Keys[i]} unparsable: '{Excerpt.Of(lines.Value)}'"));
                return false;
            }
            seen |= 1u << i;
        }
        if (seen == 0)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, "no usage_usec, nr_periods or nr_throttled"));
            return false;
        }
        ulong throttledUsec = (seen & (1u << 3)) != 0 ? v[3] : v[4] / 1000;
        value = new CpuStat((seen & 1u) != 0 ? v[0] : null, v[1], v[2], throttledUsec);
        return true;
    }
}
