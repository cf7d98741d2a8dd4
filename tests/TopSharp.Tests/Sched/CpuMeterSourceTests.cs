using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Sampling;
using TopSharp.Testing;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.Tests.Sched;

/// <summary>Which source the CPU meters use, and what the help screen says about it.</summary>
public sealed class CpuMeterSourceTests
{
    [Fact]
    public void With_no_bpf_snapshots_pass_unchanged_and_the_note_says_why()
    {
        using var source = new CpuMeterSource(new CommandLineOptions { NoBpf = true });
        SystemSnapshot snap = Snap(1);

        Assert.Same(snap, source.AddReading(snap));
        Assert.Equal("CPU meters: /proc/stat's tick samples, which work between ticks evades (--no-bpf)", source.Note);
    }

    [Fact]
    public void A_captured_tree_has_no_program_to_read()
    {
        using var source = new CpuMeterSource(new CommandLineOptions { Root = new KernelRoot(Fixtures.Dir("numa4-cgroup2")) });

        Assert.Null(source.AddReading(Snap(1)).SchedBusy);
        Assert.EndsWith("(a captured tree)", source.Note);
    }

    [SkippableFact]
    public void As_root_the_first_reading_attaches_and_every_cpu_is_known()
    {
        Requires.Root("attaches the sched_switch program");
        using var source = new CpuMeterSource(new CommandLineOptions());
        Assert.StartsWith("CPU meters: /proc/stat's tick samples until", source.Note);

        SystemSnapshot first = source.AddReading(Snap(1));

        Assert.Equal(Environment.ProcessorCount, first.SchedBusy!.Cpus.Count);
        Assert.StartsWith("CPU meters: busy time measured at every context switch", source.Note);
        source.Dispose();
        Assert.Null(source.AddReading(Snap(2)).SchedBusy); // detached: no reading after Dispose
    }
}
