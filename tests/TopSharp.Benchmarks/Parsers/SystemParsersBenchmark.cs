using BenchmarkDotNet.Attributes;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;

namespace TopSharp.Benchmarks.Parsers;

/// <summary>
/// The system-wide parsers over the numa4-cgroup2 t0 capture (8 CPUs), one file per operation.
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*SystemParsersBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
public class SystemParsersBenchmark
{
    private byte[] _stat = [], _meminfo = [], _pressure = [];

    [GlobalSetup]
    public void Setup()
    {
        string proc = CapturedProc.Dir("numa4-cgroup2/t0");
        _stat = File.ReadAllBytes(Path.Combine(proc, "stat"));
        _meminfo = File.ReadAllBytes(Path.Combine(proc, "meminfo"));
        _pressure = File.ReadAllBytes(Path.Combine(proc, "pressure", "cpu"));
    }

    [Benchmark]
    public ulong ProcStat() => ProcStatReader.TryParse(_stat, out ProcStat? s) ? s.Ctxt : 0;

    [Benchmark]
    public ulong MemInfo() => MemInfoReader.TryParse(_meminfo, out MemInfo? m) ? m.MemTotalBytes : 0;

    [Benchmark]
    public double Pressure() => PressureReader.TryParse(_pressure, out PressureResource? p) ? p.Some.Avg10 : 0;
}
