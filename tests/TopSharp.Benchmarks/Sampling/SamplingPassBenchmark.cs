using BenchmarkDotNet.Attributes;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.Benchmarks.Sampling;

/// <summary>
/// One <see cref="Sampler.Sample"/> pass over a synthetic tree of 10,000 processes, in steady state
/// (caches warm). Figures are per process: OperationsPerInvoke divides by the process count.
/// Targets: under 10 µs of CPU and under 200 bytes per process with the default files. Wall time
/// on a shared machine overstates CPU, so each iteration's thread CPU time (user and kernel) is
/// also printed, per process, as <c>// CPU per process</c> lines in the log.
/// <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*SamplingPass*'</c>
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SamplingPassBenchmark
{
    private const int Processes = 10_000;

    private string _tree = "";
    private Sampler _sampler = null!;
    private (TimeSpan User, TimeSpan Kernel) _iterationStart;

    /// <summary>None: stat, statm, cached comm and cmdline, UID. All: also status, io, cgroup, schedstat and threads.</summary>
    [Params(ProcessFiles.None, ProcessFiles.All)]
    public ProcessFiles Files { get; set; }

    [GlobalSetup]
    public void CreateTree()
    {
        string captured = Path.Combine(AppContext.BaseDirectory, "fixtures", "numa4-cgroup2", "t0");
        _tree = SyntheticProcTree.Create(captured, Directory.CreateTempSubdirectory("topsharp-sampling-").FullName, Processes);
        _sampler = new Sampler(new KernelRoot(_tree));
        SystemSnapshot first = _sampler.Sample(Files);
        if (first.Processes.Count != Processes || first.Diagnostics.Count != 0)
            throw new InvalidOperationException($"synthetic tree: {first.Processes.Count} processes, {first.Diagnostics.Count} diagnostics");
    }

    [IterationSetup]
    public void StartCpuClock() => _iterationStart = ThreadCpuTime.Now();

    [Benchmark(OperationsPerInvoke = Processes)]
    public SystemSnapshot SamplingPass() => _sampler.Sample(Files);

    [IterationCleanup]
    public void PrintCpuTime()
    {
        (TimeSpan user, TimeSpan kernel) = ThreadCpuTime.Now();
        Console.WriteLine(
            $"// CPU per process ({Files}): user {(user - _iterationStart.User).TotalMicroseconds / Processes:F2} us, " +
            $"kernel {(kernel - _iterationStart.Kernel).TotalMicroseconds / Processes:F2} us");
    }

    [GlobalCleanup]
    public void DeleteTree()
    {
        _sampler.Dispose();
        Directory.Delete(_tree, recursive: true);
    }
}
