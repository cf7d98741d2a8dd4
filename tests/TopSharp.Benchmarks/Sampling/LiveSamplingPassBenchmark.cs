using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.Benchmarks.Sampling;

/// <summary>
/// One <see cref="Sampler.Sample"/> pass over this machine's own /proc with <see cref="IdleProcesses"/> extra
/// idle <c>sleep</c> processes (the dashboard's performance setup), default files. <see cref="KeptProcesses"/>
/// 0 reads every file by path (openat, read, close, and a statx by path for the owner), as before
/// <see cref="KeptProcessFiles"/>; 4096 keeps stat, statm and PID/ open and re-reads them with pread.
/// Figures are per pass; each iteration's thread CPU time (user and kernel) per pass is printed as
/// <c>// CPU per pass</c> lines, since wall time on a shared machine overstates it.
/// <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*LiveSamplingPass*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class LiveSamplingPassBenchmark
{
    private const int IdleProcesses = 2000;

    private Process? _idle;
    private Sampler _sampler = null!;
    private (TimeSpan User, TimeSpan Kernel) _iterationStart;
    private int _passes;

    [Params(0, KeptProcessFiles.MaximumLimit)]
    public int KeptProcesses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // One shell holds the idle processes, so killing its process group ends them all.
        _idle = Process.Start(new ProcessStartInfo("setsid", ["bash", "-c", $"for _ in $(seq {IdleProcesses}); do sleep 600 & done; wait"]) { UseShellExecute = false })!;
        _sampler = new Sampler(KernelRoot.Live, KeptProcesses);
        for (int i = 0; i < 300 && _sampler.Sample(ProcessFiles.None).Processes.Count < IdleProcesses; i++) Thread.Sleep(100);
        Console.WriteLine($"// {_sampler.Sample(ProcessFiles.None).Processes.Count} processes, {_sampler.KeptProcesses} with files kept open");
    }

    [IterationSetup]
    public void StartCpuClock()
    {
        _iterationStart = ThreadCpuTime.Now();
        _passes = 0;
    }

    [Benchmark]
    public SystemSnapshot SamplingPass()
    {
        _passes++;
        return _sampler.Sample(ProcessFiles.None);
    }

    [IterationCleanup]
    public void PrintCpuTime()
    {
        (TimeSpan user, TimeSpan kernel) = ThreadCpuTime.Now();
        Console.WriteLine(
            $"// CPU per pass (kept {KeptProcesses}): user {(user - _iterationStart.User).TotalMicroseconds / _passes:F0} us, " +
            $"kernel {(kernel - _iterationStart.Kernel).TotalMicroseconds / _passes:F0} us");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sampler.Dispose();
        if (_idle is null) return;
        Process.Start("kill", ["--", $"-{_idle.Id}"])!.WaitForExit();
        _idle.WaitForExit();
        _idle.Dispose();
    }
}
