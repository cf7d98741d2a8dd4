using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using TopSharp.Benchmarks.Parsers;
using TopSharp.Core.Memory;

namespace TopSharp.Benchmarks.Memory;

/// <summary>
/// /proc/PID/smaps of a synthetic process with <see cref="Vmas"/> VMAs, built from the real entries of the numa4-cgroup2
/// capture's mapper (PID 158: files, tmpfs, shared anonymous, [heap], [stack], [vdso]) with fresh, rising addresses.
/// Target: 20,000 VMAs under 20 ms; allocation proportional to VMAs (one <see cref="Vma"/> value each in one array, a name only when it changes),
/// not to the ~25 lines (≈ 8 MB) read.
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*SmapsParseBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
public class SmapsParseBenchmark
{
    private byte[] _smaps = [];

    [Params(2_000, 20_000)]
    public int Vmas { get; set; }

    [GlobalSetup]
    public void Setup() => _smaps = Synthetic(File.ReadAllText(Path.Combine(CapturedProc.Dir("numa4-cgroup2/t0"), "158", "smaps")), Vmas);

    /// <summary>The real entries repeated, each header's range replaced by the next free addresses of the same size.</summary>
    internal static byte[] Synthetic(string real, int vmas)
    {
        string[] entries = real.Split('\n').Aggregate(new List<string>(), (list, line) =>
        {
            // A header has a blank before its first colon (the device's), as the parser tells them apart.
            if (line.IndexOf(' ') is int blank and >= 0 && blank < line.IndexOf(':')) list.Add(line + "\n");
            else if (list.Count > 0 && line.Length > 0) list[^1] += line + "\n";
            return list;
        }).ToArray();
        var sb = new StringBuilder(vmas * 1100);
        ulong next = 0x10000000;
        for (int i = 0; i < vmas; i++)
        {
            string entry = entries[i % entries.Length];
            int dash = entry.IndexOf('-'), space = entry.IndexOf(' ');
            ulong start = ulong.Parse(entry[..dash], NumberStyles.HexNumber), end = ulong.Parse(entry[(dash + 1)..space], NumberStyles.HexNumber);
            sb.Append($"{next:x8}-{next + (end - start):x8}").Append(entry, space, entry.Length - space);
            next += end - start + 0x1000;
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Benchmark]
    public int Parse() => SmapsReader.TryParse(_smaps, out Smaps? smaps) ? smaps.Vmas.Count : -1;
}
