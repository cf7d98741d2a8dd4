using BenchmarkDotNet.Attributes;
using TopSharp.Core.Numa;

namespace TopSharp.Benchmarks.Numa;

/// <summary>
/// Parsing /proc/PID/numa_maps (no kernel time): a synthetic 4-node process of <see cref="Mappings"/> mappings
/// (<see cref="SyntheticNumaMaps"/>; a live .NET process here has about 1,400), then the NODE and REMOTE% values.
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*NumaMapsParseBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class NumaMapsParseBenchmark
{
    private byte[] _file = [];

    [Params(100, 2000)]
    public int Mappings { get; set; }

    [GlobalSetup]
    public void Setup() => _file = SyntheticNumaMaps.Build(Mappings);

    [Benchmark]
    public double ParseAndPlace()
    {
        NumaMapsReader.TryParse(_file, out NumaMaps? maps);
        return (maps!.MainNode ?? -1) + (maps.RemotePct(0) ?? 0);
    }
}
