using BenchmarkDotNet.Attributes;
using TopSharp.Core;
using TopSharp.Core.Numa;

namespace TopSharp.Benchmarks.Numa;

/// <summary>
/// Reading and parsing this process's own /proc/PID/numa_maps, live: the kernel walks the page tables of every
/// mapping, so the cost grows with resident memory. <see cref="ExtraMiB"/> of 4 KiB-touched memory is held on
/// top of the runtime's own; the difference between the two rows over the extra MiB is the cost per MiB resident.
/// With transparent huge pages the walk steps 2 MiB at a time, so the figure depends on
/// /sys/kernel/mm/transparent_hugepage/enabled (GlobalSetup prints it, and the resident size).
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*NumaMapsLiveReadBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class NumaMapsLiveReadBenchmark
{
    private readonly KernelFile _file = new(256 * 1024);
    private byte[]? _held;

    [Params(0, 256)]
    public int ExtraMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _held = new byte[ExtraMiB << 20];
        for (int i = 0; i < _held.Length; i += 4096) _held[i] = 1;   // fault every page in
        NumaMaps maps = Read();
        string thp = File.Exists("/sys/kernel/mm/transparent_hugepage/enabled")
            ? File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Trim() : "?";
        Console.WriteLine($"// numa_maps: {maps.Vmas.Count} mappings, {maps.TotalBytes >> 20} MiB resident, THP {thp}");
    }

    [Benchmark]
    public ulong ReadOwnNumaMaps() => Read().TotalBytes;

    private NumaMaps Read() =>
        NumaMapsReader.Read(KernelRoot.Live, _file, Environment.ProcessId, []) ?? throw new InvalidOperationException("numa_maps unreadable");

    [GlobalCleanup]
    public void Cleanup()
    {
        GC.KeepAlive(_held);
        _held = null;
        _file.Dispose();
    }
}
