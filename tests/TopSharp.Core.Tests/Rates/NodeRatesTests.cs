using TopSharp.Core.Cpu;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Core.Text;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Rates;

/// <summary>Per-node numastat rates and CPU busy share between the captures (t1 − t0 = 3.47 s in v2, 3.95 s in v1).</summary>
public class NodeRatesTests
{
    private static SnapshotRates Between(string fixture)
    {
        using var t0 = new Sampler(new KernelRoot(Fixtures.Dir($"{fixture}/t0")));
        using var t1 = new Sampler(new KernelRoot(Fixtures.Dir($"{fixture}/t1")));
        return SnapshotRates.Between(t0.Sample(ProcessFiles.None), t1.Sample(ProcessFiles.None));
    }

    [Fact]
    public void Cgroup2_numastat_per_second_and_node_cpu_busy()
    {
        SnapshotRates rates = Between("numa4-cgroup2");
        IReadOnlyList<NodeRates> nodes = rates.Nodes;
        double seconds = rates.Interval.TotalSeconds; // 3.47 s, to the TimeSpan tick

        Assert.Equal([0, 1, 2, 3], nodes.Select(n => n.Node));
        // Only node 0 allocated in the interval: 364 pages, all local.
        Assert.Equal(364 / seconds, nodes[0].NumaHitPerSec!.Value, 9);
        Assert.Equal(364 / seconds, nodes[0].LocalNodePerSec!.Value, 9);
        Assert.Equal(104.899, nodes[0].NumaHitPerSec!.Value, 3);
        Assert.Equal(0.0, nodes[0].OtherNodePerSec);
        Assert.Equal(0.0, nodes[0].MissPct);
        Assert.All(nodes.Skip(1), n => Assert.Equal((0.0, (double?)null), (n.NumaHitPerSec!.Value, n.MissPct)));
        // The node's two CPUs' ticks summed (busy / all), from t0 and t1 proc/stat.
        Assert.Equal([100.0 * 123 / 620, 100.0 * 282 / 614, 100.0 * 46 / 642, 100.0 * 49 / 648], nodes.Select(n => n.Cpu!.Value.Busy), new RoundedEqual(9));
    }

    [Fact]
    public void Cgroup1_node_cpu_busy()
    {
        SnapshotRates rates = Between("numa4-cgroup1");
        IReadOnlyList<NodeRates> nodes = rates.Nodes;

        Assert.Equal([100.0 * 165 / 720, 100.0 * 303 / 676, 100.0 * 54 / 688, 100.0 * 59 / 733], nodes.Select(n => n.Cpu!.Value.Busy), new RoundedEqual(9));
        Assert.Equal(437 / rates.Interval.TotalSeconds, nodes[0].NumaHitPerSec!.Value, 9);
    }

    [Fact]
    public void Miss_ratio_is_the_interval_share_of_misses()
    {
        NumaSnapshot older = Snapshot(new NumaStat(100, 10, 0, 0, 0, 0)), newer = Snapshot(new NumaStat(160, 50, 5, 0, 0, 0));

        NodeRates r = Assert.Single(NodeRates.Between(older, newer, null, null, TimeSpan.FromSeconds(2)));

        Assert.Equal(100.0 * 40 / 100, r.MissPct);
        Assert.Equal(20.0, r.NumaMissPerSec);
        Assert.Equal(2.5, r.NumaForeignPerSec);
        Assert.Null(r.Cpu);
    }

    [Fact]
    public void A_counter_that_went_backwards_has_no_rate()
    {
        NumaSnapshot older = Snapshot(new NumaStat(100, 10, 0, 0, 0, 0)), newer = Snapshot(new NumaStat(50, 20, 0, 0, 0, 0));

        NodeRates r = Assert.Single(NodeRates.Between(older, newer, null, null, TimeSpan.FromSeconds(1)));

        Assert.Null(r.NumaHitPerSec);
        Assert.Equal(10.0, r.NumaMissPerSec);
        Assert.Null(r.MissPct);
    }

    [Fact]
    public void No_interval_or_no_numa_gives_no_nodes()
    {
        NumaSnapshot s = Snapshot(new NumaStat(1, 0, 0, 0, 0, 0));
        Assert.Empty(NodeRates.Between(s, s, null, null, TimeSpan.Zero));
        Assert.Empty(NodeRates.Between(null, s, null, null, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_cpu_less_node_has_no_cpu_share()
    {
        var cpus = new ProcStat(default, [new CpuLine(0, new CpuTimes(1, 0, 0, 1, 0, 0, 0, 0, 0, 0))], 0, 0, 0, 0);
        NumaSnapshot s = Snapshot(new NumaStat(1, 0, 0, 0, 0, 0));

        Assert.Null(Assert.Single(NodeRates.Between(s, s, cpus, cpus, TimeSpan.FromSeconds(1))).Cpu);
    }

    private static NumaSnapshot Snapshot(NumaStat stat)
    {
        CpuList node0 = CpuList.Of(0);
        return new NumaSnapshot(
            new NodeStates(node0, node0, CpuList.Empty, node0, node0),
            [new NumaNode(0, CpuList.Empty, [10], null, stat, HasCpu: false, HasMemory: true)]);
    }

    private sealed class RoundedEqual(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);
        public int GetHashCode(double obj) => Math.Round(obj, digits).GetHashCode();
    }
}
