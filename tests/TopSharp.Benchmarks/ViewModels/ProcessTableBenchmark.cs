using BenchmarkDotNet.Attributes;
using R3;
using TopSharp.Core;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Benchmarks.ViewModels;

/// <summary>
/// The process table view model over 10,000 processes (a tree 4 levels deep), default columns:
/// a refresh (entries, formatting, sort, publish; runs on the sampler thread), and what a key
/// press costs on the UI thread (moving the selection, re-sorting, toggling the tree).
/// Target: a key press well under the 16 ms redraw budget.
/// <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*ProcessTable*'</c>
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ProcessTableBenchmark
{
    private const int Processes = 10_000;

    private Sample _sample = null!;
    private ProcessTableViewModel _vm = null!;
    private readonly Subject<Sample> _samples = new();
    private bool _down;

    [GlobalSetup]
    public void Setup()
    {
        SystemSnapshot t0 = Snapshot(0, 0), t1 = Snapshot(1.5, 1);
        _sample = new Sample(t1, t0, SnapshotRates.Between(t0, t1));
        _vm = new ProcessTableViewModel(_samples, TimeProvider.System, ProcessControl.Instance, ProcessTableSettings.Default);
        _vm.Update(_sample);
    }

    [Benchmark]
    public void Refresh() => _vm.Update(_sample);

    [Benchmark]
    public void MoveSelection()
    {
        _down = !_down;
        _vm.MoveSelection(_down ? 1 : -1);
    }

    [Benchmark]
    public void InvertSort() => _vm.InvertSort();

    [Benchmark]
    public void ToggleTree() => _vm.ToggleTree();

    private static SystemSnapshot Snapshot(double seconds, int step)
    {
        var processes = new ProcessSample[Processes];
        for (int i = 0; i < Processes; i++)
        {
            int pid = i + 1;
            int ppid = pid <= 10 ? 0 : pid <= 100 ? pid % 10 + 1 : pid <= 1000 ? pid % 90 + 11 : pid % 900 + 101;
            ulong ticks = (ulong)(pid * 7 % 1000 + step * (pid % 13));
            var stat = new PidStat(pid, 'S', ppid, 0, 0, 0, ticks, ticks / 3, 0, 0, 20, 0, 1, (ulong)pid * 10,
                (ulong)pid * 40960, (ulong)pid % 5000, pid % 2, 0, 0, null);
            processes[i] = new ProcessSample(stat, $"proc{pid}", $"/usr/bin/proc{pid} --flag {pid}", pid % 3 * 1000,
                new PidStatm((ulong)pid * 10, (ulong)pid % 5000, 100, 0, 0));
        }
        return new SystemSnapshot(TimeSpan.FromSeconds(seconds), 100, 4096, new Uptime(1000 + seconds, 0), null,
            new LoadAvg(1, 1, 1, 1, Processes, Processes), new Pressure(null, null, null),
            new MemInfo([new MemInfoField("MemTotal", 16UL << 30, true)]), processes,
            new Dictionary<int, string> { [0] = "root", [1000] = "alice", [2000] = "bob" }, []);
    }
}
