using BenchmarkDotNet.Attributes;
using TopSharp.Core.Cpu;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Benchmarks.Rates;

/// <summary>
/// <see cref="SnapshotRates.Between"/> for two snapshots of 10,000 processes with every file read
/// (status, io, schedstat), 1% of them replaced between the snapshots. Figures are per process.
/// Target: a small fraction of the sampling pass (under 1 µs per process).
/// <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*SnapshotRates*'</c>
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SnapshotRatesBenchmark
{
    private const int Processes = 10_000;

    private SystemSnapshot _older = null!;
    private SystemSnapshot _newer = null!;

    [GlobalSetup]
    public void CreateSnapshots()
    {
        _older = Snapshot(10, i => Process(i + 1, (ulong)i, starttime: 100));
        // Every 100th PID exited and was reused by a process started inside the interval.
        _newer = Snapshot(11, i => Process(i + 1, (ulong)i + 50, starttime: i % 100 == 0 ? 1050UL : 100));
    }

    [Benchmark(OperationsPerInvoke = Processes)]
    public SnapshotRates Between() => SnapshotRates.Between(_older, _newer);

    private static SystemSnapshot Snapshot(double uptime, Func<int, ProcessSample> process)
    {
        var cpus = Enumerable.Range(0, 64).Select(c => new CpuLine(c, new CpuTimes((ulong)(uptime * 60), 0, (ulong)(uptime * 20), (ulong)(uptime * 20), 0, 0, 0, 0, 0, 0))).ToList();
        return new SystemSnapshot(
            TimeSpan.FromSeconds(uptime), 100, 4096, new Uptime(uptime, 0),
            new ProcStat(cpus[0].Times, cpus, 0, 0, 0, 0), null, new Pressure(null, null, null), null,
            Enumerable.Range(0, Processes).Select(process).ToArray(), new Dictionary<int, string>(), []);
    }

    private static ProcessSample Process(int pid, ulong ticks, ulong starttime) => new(
        new PidStat(pid, 'S', 1, 0, 0, 0, ticks, ticks / 2, 0, 0, 20, 0, 1, starttime, 0, 0, 0, 0, 0, null),
        "worker", "worker --serve", 0, default,
        new PidStatus("worker", pid, 0, "0-63", "0", ticks, ticks, null, null, null, null, null),
        new PidIo(0, 0, 0, 0, ticks * 4096, ticks * 4096, 0), null, new SchedStat(ticks * 10_000_000, ticks * 1_000_000, ticks), null);
}
