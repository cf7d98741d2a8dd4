using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TopSharp.Benchmarks;

/// <summary>
/// ShortRun, in process: on a loaded machine the generated project's build can exceed BenchmarkDotNet's
/// 2-minute limit. Use as <c>[Config(typeof(InProcessShortRun))]</c>.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
