using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Numa;

/// <summary>Values from tests/fixtures/numa4-cgroup{2,1}/ANSWERS.md, "NUMA nodes".</summary>
public class NumaReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Four_nodes_with_their_cpus_and_the_asymmetric_distances()
    {
        NumaSnapshot numa = Read(FixtureRoots.Cgroup2T0);

        CpuList all = CpuList.Of(0, 1, 2, 3);
        Assert.Equal(new NodeStates(all, all, all, all, all), numa.States);
        Assert.Equal([0, 1, 2, 3], numa.Nodes.Select(n => n.Node));
        Assert.Equal(["0-1", "2-3", "4-5", "6-7"], numa.Nodes.Select(n => n.Cpus.ToString()));
        Assert.Equal([10, 20, 30, 40], numa.Nodes[0].Distances);
        Assert.Equal([20, 10, 40, 30], numa.Nodes[1].Distances);
        Assert.Equal([30, 40, 10, 20], numa.Nodes[2].Distances);
        Assert.Equal([40, 32, 20, 10], numa.Nodes[3].Distances);
        Assert.Equal(30, numa.Nodes[1].DistanceTo(3, numa.States.Online));
        Assert.Equal(32, numa.Nodes[3].DistanceTo(1, numa.States.Online));
        Assert.All(numa.Nodes, n => Assert.True(n.HasCpu && n.HasMemory));
        Assert.Equal(2, numa.NodeOfCpu(5));
        Assert.Null(numa.NodeOfCpu(8));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Node_meminfo_in_bytes()
    {
        NumaSnapshot numa = Read(FixtureRoots.Cgroup2T0);

        Assert.Equal([985208UL, 965852, 1031520, 1028676], numa.Nodes.Select(n => n.MemTotalBytes / 1024));
        Assert.Equal([884096UL, 690396, 997036, 937356], numa.Nodes.Select(n => n.MemFreeBytes / 1024));
        Assert.Equal([25800UL, 254040, 20624, 61496], numa.Nodes.Select(n => n.AnonPagesBytes / 1024));
        Assert.Equal([49188UL, 4, 0, 2828], numa.Nodes.Select(n => n.ShmemBytes / 1024));
        NumaNode node0 = numa.Nodes[0];
        Assert.Equal(101112UL * 1024, node0.MemUsedBytes);
        Assert.Equal(49188UL * 1024, node0.FilePagesBytes);
        Assert.Equal(7428UL * 1024, node0.SlabBytes);
        Assert.Equal(16384UL * 1024, node0.MemInfo!["AnonHugePages"]);
        Assert.Equal(0UL, node0.HugePagesTotal);
    }

    [Fact]
    public void Numastat_counters_at_t0_and_t1()
    {
        NumaSnapshot t0 = Read(FixtureRoots.Cgroup2T0), t1 = Read(FixtureRoots.Cgroup2T1);

        Assert.Equal(new NumaStat(18885, 0, 0, 237, 17886, 999), t0.Nodes[0].NumaStat);
        Assert.Equal([18885UL, 3073, 2380, 5282], t0.Nodes.Select(n => n.NumaStat!.Value.NumaHit));
        Assert.Equal([237UL, 222, 233, 221], t0.Nodes.Select(n => n.NumaStat!.Value.InterleaveHit));
        Assert.Equal([19249UL, 3073, 2380, 5282], t1.Nodes.Select(n => n.NumaStat!.Value.NumaHit));
    }

    [Fact]
    public void The_cgroup1_boot_has_its_own_values()
    {
        NumaSnapshot numa = Read(FixtureRoots.Cgroup1T0);

        Assert.Equal([1030480UL, 965852, 1031520, 983412], numa.Nodes.Select(n => n.MemTotalBytes / 1024));
        Assert.Equal([929912UL, 694256, 986768, 893940], numa.Nodes.Select(n => n.MemFreeBytes / 1024));
        Assert.Equal([18587UL, 2722, 4748, 4648], numa.Nodes.Select(n => n.NumaStat!.Value.NumaHit));
        Assert.Equal([40, 32, 20, 10], numa.Nodes[3].Distances);
    }

    [Fact]
    public void A_tree_without_a_node_directory_has_no_numa_and_no_diagnostic()
    {
        using var file = new KernelFile();
        Assert.Null(NumaReader.Read(new KernelRoot(Path.Combine(Path.GetTempPath(), "no-such-root")), file, _diagnostics));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Memory_only_and_cpu_only_nodes_are_shown_as_such()
    {
        string root = Directory.CreateTempSubdirectory("numa-").FullName;
        try
        {
            string dir = Path.Combine(root, "sys/devices/system/node");
            Write(dir, "online", "0-1\n");
            Write(dir, "possible", "0-1\n");
            Write(dir, "has_cpu", "0\n");
            Write(dir, "has_memory", "1\n");
            Write(dir, "has_normal_memory", "1\n");
            foreach (int n in new[] { 0, 1 })
            {
                Write(dir, $"node{n}/cpulist", n == 0 ? "0-1\n" : "\n");
                Write(dir, $"node{n}/distance", n == 0 ? "10 21\n" : "21 10\n");
                Write(dir, $"node{n}/meminfo", $"Node {n} MemTotal: {(n == 0 ? 0 : 4096)} kB\nNode {n} MemFree: 0 kB\n");
                Write(dir, $"node{n}/numastat", "numa_hit 1\nnuma_miss 0\nnuma_foreign 0\ninterleave_hit 0\nlocal_node 1\nother_node 0\n");
            }
            using var file = new KernelFile();
            NumaSnapshot numa = NumaReader.Read(new KernelRoot(root), file, _diagnostics)!;

            Assert.Empty(_diagnostics);
            Assert.Equal((true, false), (numa.Nodes[0].HasCpu, numa.Nodes[0].HasMemory));
            Assert.Equal((false, true), (numa.Nodes[1].HasCpu, numa.Nodes[1].HasMemory));
            Assert.Equal(0, numa.Nodes[1].Cpus.Count);
            Assert.Equal(4096UL * 1024, numa.Nodes[1].MemTotalBytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_missing_node_file_is_reported_and_the_rest_still_read()
    {
        string root = Directory.CreateTempSubdirectory("numa-").FullName;
        try
        {
            string dir = Path.Combine(root, "sys/devices/system/node");
            Write(dir, "online", "0\n");
            Write(dir, "node0/cpulist", "0-1\n");
            Write(dir, "node0/distance", "10\n");
            using var file = new KernelFile();
            NumaSnapshot numa = NumaReader.Read(new KernelRoot(root), file, _diagnostics)!;

            NumaNode node = Assert.Single(numa.Nodes);
            Assert.Equal("0-1", node.Cpus.ToString());
            Assert.Null(node.MemInfo);
            Assert.Null(node.NumaStat);
            Assert.Equal(CpuList.Of(0), numa.States.HasCpu);
            Assert.Equal(
                ["possible", "has_cpu", "has_memory", "has_normal_memory", "node0/meminfo", "node0/numastat"],
                _diagnostics.Select(d => Path.GetRelativePath(dir, d.Path)));
            Assert.All(_diagnostics, d => Assert.Equal("missing or unreadable", d.Reason));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// This VM boots with <c>deferred_init=lazy</c>: pages whose struct page is not yet initialised count in
    /// /proc/meminfo's MemTotal and MemFree but in no zone, so no node's. Used memory (total − free) agrees.
    /// </summary>
    [Fact]
    public void Live_nodes_agree_with_proc_meminfo()
    {
        using var file = new KernelFile();
        NumaSnapshot? numa = NumaReader.Read(KernelRoot.Live, file, _diagnostics);
        MemInfo meminfo = MemInfoReader.Read(KernelRoot.Live, file, _diagnostics)!;

        Assert.NotNull(numa);
        Assert.NotEmpty(numa.Nodes);
        Assert.Contains(0, numa.States.Online.Ids);
        Assert.All(numa.Nodes, n => Assert.Equal(10, n.DistanceTo(n.Node, numa.States.Online)));
        Assert.Equal(Environment.ProcessorCount, numa.Nodes.Sum(n => n.Cpus.Count));
        ulong nodesTotal = numa.Nodes.Aggregate(0UL, (sum, n) => sum + n.MemTotalBytes);
        ulong nodesUsed = numa.Nodes.Aggregate(0UL, (sum, n) => sum + n.MemUsedBytes);
        Assert.InRange(nodesTotal, 1UL, meminfo.MemTotalBytes);
        double usedGap = Math.Abs((double)nodesUsed - (meminfo.MemTotalBytes - meminfo.MemFreeBytes));
        Assert.True(usedGap < meminfo.MemTotalBytes / 100.0, $"nodes' MemUsed {nodesUsed} vs meminfo used {meminfo.MemTotalBytes - meminfo.MemFreeBytes}");
        Assert.Empty(_diagnostics);
    }

    private NumaSnapshot Read(KernelRoot root)
    {
        using var file = new KernelFile();
        return NumaReader.Read(root, file, _diagnostics) ?? throw new InvalidOperationException("no node directory");
    }

    private static void Write(string dir, string relative, string text)
    {
        string path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
