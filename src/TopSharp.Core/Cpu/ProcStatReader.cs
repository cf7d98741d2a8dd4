using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cpu;

/// <summary>
/// /proc/stat (Documentation/filesystems/proc.rst, "1.7 Miscellaneous kernel statistics in /proc/stat"):
/// <c>cpu  1160 0 1402 10055 0 0 45 0 0 0</c>, one <c>cpuN</c> line per online CPU, then <c>ctxt</c>,
/// <c>processes</c>, <c>procs_running</c>, <c>procs_blocked</c>. Not parsed: intr, btime, softirq.
/// </summary>
public static class ProcStatReader
{
    public const string Source = "stat";

    private static readonly string[] Keys = ["cpu", "ctxt", "processes", "procs_running", "procs_blocked"];

    /// <summary>
    /// A bad <c>cpuN</c> line is reported and left out; a bad or missing aggregate line or counter fails the parse.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out ProcStat value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        CpuTimes total = default;
        var cpus = new List<CpuLine>();
        Span<ulong> counters = stackalloc ulong[Keys.Length];
        uint seen = 0;
        var line = new KeyValueLines(utf8);
        while (line.MoveNext())
        {
            int i = KeyTable.IndexOf(Keys, line.Key);
            bool ok = i switch
            {
                0 => TryParseTimes(line.Value, out total),
                > 0 => line.TryValueUInt64(out counters[i]),
                _ when IsCpuN(line.Key) => TryAddCpu(line.Key, line.Value, cpus),
                _ => true,
            };
            if (ok)
            {
                if (i >= 0) seen |= 1u << i;
                continue;
            }
            diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"{Excerpt.Of(line.Key)} unparsable: '{Excerpt.Of(line.Value)}'"));
            if (i >= 0) return false;
        }
        if (KeyTable.Missing(Keys, Keys.Length, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, missing));
            return false;
        }
        value = new ProcStat(total, cpus, counters[1], counters[2], (int)counters[3], (int)counters[4]);
        return true;
    }

    /// <summary>proc/stat; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static ProcStat? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("stat"), Source, TryParse, diagnostics, out ProcStat? value) ? value : null;

    private static bool IsCpuN(ReadOnlySpan<byte> key) =>
        key.Length > 3 && key.StartsWith("cpu"u8) && !key[3..].ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static bool TryAddCpu(ReadOnlySpan<byte> key, ReadOnlySpan<byte> times, List<CpuLine> cpus)
    {
        if (!Number.TryParseInt32(key[3..], out int cpu) || !TryParseTimes(times, out CpuTimes t)) return false;
        cpus.Add(new CpuLine(cpu, t));
        return true;
    }

    /// <summary>
    /// user nice system idle, then what later kernels added: iowait (2.5.41), irq and softirq (2.6.0),
    /// steal (2.6.11), guest (2.6.24), guest_nice (2.6.33). A column the kernel predates is 0: it counted none;
    /// a column a later kernel adds is ignored.
    /// </summary>
    private static bool TryParseTimes(ReadOnlySpan<byte> text, out CpuTimes times)
    {
        times = default;
        Span<ulong> t = stackalloc ulong[10];
        var fields = new Fields(text);
        int n = 0;
        while (n < t.Length && fields.MoveNext())
        {
            if (!Number.TryParseUInt64(fields.Current, out t[n])) return false;
            n++;
        }
        if (n < 4) return false;
        times = new CpuTimes(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
        return true;
    }
}
