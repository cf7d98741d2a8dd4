using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Core;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.Ui;
using TopSharp.Ui.Numa;
using TopSharp.ViewModels.Numa;
using TopSharp.ViewModels.Sampling;
using Xunit;

namespace TopSharp.Tests.Ui.Numa;

/// <summary>The NUMA pane over the numa4-cgroup2 captures (t0 → t1), with numahog (PID 157) selected.</summary>
public class NumaPaneTests
{
    private static readonly Lazy<Sample> Captured = new(() =>
    {
        SystemSnapshot t0 = Read("t0"), t1 = Read("t1");
        return new Sample(t1, t0, SnapshotRates.Between(t0, t1));
    });

    private static SystemSnapshot Read(string capture)
    {
        using var sampler = new Sampler(new KernelRoot(Fixtures.Dir($"numa4-cgroup2/{capture}")));
        SystemSnapshot s = sampler.Sample(ProcessFiles.Status);
        return s with { Timestamp = TimeSpan.FromSeconds(s.Uptime!.UptimeSeconds) };
    }

    private static ProcessKey Numahog => Captured.Value.Snapshot.Processes.Single(p => p.Pid == 157).Key;

    private static NumaState State(ProcessKey? selected) =>
        NumaViewModel.Build(Captured.Value, selected, SamplerLoops.NumaMapsReader(new KernelRoot(Fixtures.Dir("numa4-cgroup2"))));

    [Fact]
    public void Nodes_with_memory_rates_cpu_and_distances()
    {
        NumaState state = State(null);

        Assert.Null(state.Message);
        Assert.Equal("4 nodes online 0-3, CPUs on 0-3, memory on 0-3", state.Summary);
        NumaNodeRow node0 = state.Nodes[0];
        Assert.Equal(("0-1", "99.5M/962M", "104.9", "0.0", "0.0", "19.8", false), (node0.Cpus, node0.Memory, node0.HitPerSec, node0.MissPerSec, node0.MissPct, node0.CpuBusyPct, node0.MissHigh));
        Assert.Equal("-", state.Nodes[1].MissPct);   // nothing allocated on node 1 in the interval
        Assert.Equal(["40", "32", "20", "10"], state.Nodes[3].Distances);
        Assert.Null(state.Selected);
    }

    [Fact]
    public void Selected_process_placement_from_numa_maps()
    {
        NumaPlacement p = State(Numahog).Selected!;

        Assert.Equal((157, "numahog", "0-3"), (p.Pid, p.Comm, p.MemsAllowed));
        Assert.Equal("interleave:0-3 64.8M, bind:1 200M, prefer:3 32.0M", p.Policies);
        Assert.Equal([0, 1, 2, 3], p.Nodes.Select(n => n.Node));
        Assert.Equal("216M", p.Nodes[1].Bytes);
        Assert.Equal(221184.0 / (16444 + 221184 + 16388 + 49864), p.Nodes[1].Fraction, 9);
        Assert.Null(p.Message);
    }

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void The_pane_draws_at_every_size(int width, int height)
    {
        using var h = new Harness(width, height);
        using var pane = new NumaPaneView(new NumaViewModel(R3.Observable.Return(Captured.Value), R3.Observable.Return((ProcessKey?)Numahog),
            SamplerLoops.NumaMapsReader(new KernelRoot(Fixtures.Dir("numa4-cgroup2")))), new ImmediateContext());
        var top = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(pane);
        h.Show(top);

        string[] lines = h.Lines();
        Assert.Equal(height, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= width && !l.Any(char.IsControl), l));
        Assert.StartsWith(width >= 20 ? "NUMA  4 nodes online" : "NUMA", lines[0]);
        if (height >= 24)
        {
            Assert.StartsWith("   0 0-1      [", lines[2]);
            Assert.Contains("99.5M/962M]", lines[2]);
            Assert.Contains("        3    40   32   20   10", lines);
            Assert.Contains(lines, l => l.StartsWith("PID 157 numahog  mems allowed 0-3  policy interleave:0-3", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("       N1 [", StringComparison.Ordinal) && l.EndsWith("216M]", StringComparison.Ordinal));
        }
        top.Dispose();
    }

    [Fact]
    public void A_kernel_without_numa_says_so()
    {
        Sample sample = Captured.Value with { Snapshot = Captured.Value.Snapshot with { Numa = null } };

        NumaState state = NumaViewModel.Build(sample, null, null);

        Assert.Equal("NUMA: no NUMA: this kernel has no /sys/devices/system/node (CONFIG_NUMA off)", NumaPaneText.Lines(state, 200)[0].Text);
    }

    [Fact]
    public void A_high_miss_share_is_highlighted()
    {
        NumaNode node = Captured.Value.Snapshot.Numa!.Nodes[0];
        NumaSnapshot Make(ulong hit, ulong miss) => Captured.Value.Snapshot.Numa! with { Nodes = [node with { NumaStat = new NumaStat(hit, miss, 0, 0, 0, 0) }] };
        SystemSnapshot older = Captured.Value.Previous! with { Numa = Make(100, 0) }, newer = Captured.Value.Snapshot with { Numa = Make(190, 10) };

        NumaState state = NumaViewModel.Build(new Sample(newer, older, SnapshotRates.Between(older, newer)), null, null);

        Assert.Equal(("10.0", true), (state.Nodes[0].MissPct, state.Nodes[0].MissHigh));
        Assert.True(NumaPaneText.Lines(state, 200)[2].Highlight);
    }

    [Fact]
    public void Huge_page_pools_of_every_size_per_node()
    {
        Assert.All(State(null).Nodes, n => Assert.Equal(["2M 0/0", "1G 0/0"], n.HugePages));   // the captures reserved none

        NumaSnapshot numa = Captured.Value.Snapshot.Numa!;
        NumaNode node1 = numa.Nodes[1] with { HugePages = [new HugePagePool(2UL << 20, 512, 100, 3), new HugePagePool(1UL << 30, 2, 2, 0)] };
        Sample sample = Captured.Value with { Snapshot = Captured.Value.Snapshot with { Numa = numa with { Nodes = [numa.Nodes[0], node1] } } };
        NumaState state = NumaViewModel.Build(sample, null, null);

        Assert.Equal(["2M 100/512 +3", "1G 2/2"], state.Nodes[1].HugePages);
        string[] lines = [.. NumaPaneText.Lines(state, 200).Select(l => l.Text)];
        int header = Array.IndexOf(lines, "HugePages free/total per size (+surplus)");
        Assert.Equal(["        0 2M 0/0   1G 0/0", "        1 2M 100/512 +3   1G 2/2"], lines[(header + 1)..(header + 3)]);
    }

    [Fact]
    public void No_huge_page_section_without_hugetlbfs()
    {
        NumaSnapshot numa = Captured.Value.Snapshot.Numa!;
        Sample sample = Captured.Value with { Snapshot = Captured.Value.Snapshot with { Numa = numa with { Nodes = [.. numa.Nodes.Select(n => n with { HugePages = [] })] } } };

        Assert.DoesNotContain(NumaPaneText.Lines(NumaViewModel.Build(sample, null, null), 200), l => l.Text.StartsWith("HugePages", StringComparison.Ordinal));
    }

    /// <summary>Runs posted work at once: the test thread is the UI thread here.</summary>
    private sealed class ImmediateContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => d(state);
    }
}
