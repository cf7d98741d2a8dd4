using System.Diagnostics;
using TopSharp.Bpf.Sched;
using TopSharp.Core.Cpu;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests.Sched;

/// <summary>The program attached to the real tracepoint, through <see cref="SchedSwitchProbe"/>.</summary>
public sealed class SchedSwitchProbeTests
{
    [SkippableFact]
    public void Every_cpu_is_known_at_once_and_a_spinning_pinned_child_keeps_its_cpu_busy()
    {
        Requires.Root("attaches the sched_switch program");
        Requires.Tool("taskset", "pins the spinning child to CPU 1");
        Requires.That(Environment.ProcessorCount >= 2, "needs 2 CPUs to pin a child to CPU 1");
        using Process child = Process.Start(new ProcessStartInfo("taskset", ["-c", "1", "sh", "-c", "while :; do :; done"]))!;
        try
        {
            using SchedSwitchProbe probe = SchedSwitchProbe.Attach();
            SchedBusy first = probe.Read() ?? throw new InvalidOperationException("no consistent reading");
            Assert.Equal(Environment.ProcessorCount, first.Cpus.Count); // the attach visited every CPU

            Thread.Sleep(TimeSpan.FromMilliseconds(500));
            SchedBusy second = probe.Read() ?? throw new InvalidOperationException("no consistent reading");
            double cpu1 = TopSharp.Core.Sampling.Rates.SchedLoad.Between(first, second).Single(c => c.Cpu == 1).BusyPct;

            // It shares CPU 1 only with whatever else runs there: that time is busy too.
            Assert.True(cpu1 >= 97, $"CPU 1 ran a spinning child for 0.5 s but sched_switch says {cpu1:F1}% busy");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }
}
