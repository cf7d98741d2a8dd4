using System.Diagnostics;
using Xunit;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// `topsharp --once --json` against this machine's own processes: a child that spins, a child
/// that sleeps, PID 1, and the memory figures' invariant.
/// </summary>
[Collection(AccuracyCollection.Name)]
public sealed class LiveProcessTests
{
    [SkippableFact]
    public void Spinning_child_uses_one_whole_CPU()
    {
        QuietMachine.Await();
        using Process child = Start("sh", "-c", "while :; do :; done");
        try
        {
            TopSharpOnce report = TopSharpOnce.Run(delaySeconds: 1);
            double cpuPct = report.CpuPct(child.Id);
            Assert.True(Math.Abs(cpuPct - 100) <= 10, $"a spinning sh should show 100 ± 10, got {cpuPct}\n{report.Describe()}");
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public void Sleeping_child_uses_no_CPU()
    {
        using Process child = Start("sleep", "30");
        try
        {
            TopSharpOnce report = TopSharpOnce.Run(delaySeconds: 1);
            double cpuPct = report.CpuPct(child.Id);
            Assert.True(cpuPct < 1, $"a sleeping child should show about 0, got {cpuPct}\n{report.Describe()}");
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public void Init_is_listed_and_memory_available_is_within_total()
    {
        TopSharpOnce report = TopSharpOnce.Run(delaySeconds: 0.5);

        Assert.NotNull(report.ProcessEntry(1));
        var memory = report.Root.GetProperty("memory");
        ulong total = memory.GetProperty("mem_total_bytes").GetUInt64();
        ulong available = memory.GetProperty("mem_available_bytes").GetUInt64();
        Assert.True(total > 0, "mem_total_bytes is 0");
        Assert.True(available <= total, $"mem_available_bytes {available} > mem_total_bytes {total}");
    }

    private static Process Start(string file, params string[] args) =>
        Process.Start(new ProcessStartInfo(file, args))!;

    private static void Stop(Process child)
    {
        try { child.Kill(); child.WaitForExit(); }
        catch (InvalidOperationException) { /* already exited */ }
    }
}
