using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using Xunit;

namespace TopSharp.Core.Tests.Numa;

/// <summary>nodeN/hugepages/hugepages-&lt;size&gt;kB: the captures (every pool empty), a hand-made tree, and this machine.</summary>
public sealed class NodeHugePagesReaderTests : IDisposable
{
    private const ulong TwoMiB = 2UL << 20, OneGiB = 1UL << 30;

    private readonly List<ParseDiagnostic> _diagnostics = [];
    private readonly string _temp = Directory.CreateTempSubdirectory("topsharp-hugepages-").FullName;

    [Fact]
    public void The_captures_have_2M_and_1G_pools_on_every_node_all_empty()
    {
        using var file = new KernelFile();
        NumaSnapshot numa = NumaReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics)!;

        Assert.All(numa.Nodes, n => Assert.Equal([new HugePagePool(TwoMiB, 0, 0, 0), new HugePagePool(OneGiB, 0, 0, 0)], n.HugePages));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Every_size_of_a_node_smallest_first_with_its_three_counts()
    {
        Pool(1, "hugepages-1048576kB", "2\n", "1\n", "0\n");
        Pool(1, "hugepages-2048kB", "512\n", "100\n", "3\n");
        Pool(1, "hugepages-64kB", "0\n", "0\n", "0\n");
        Directory.CreateDirectory(Path.Combine(NodeDir(1), "hugepages", "not-a-size"));

        using var file = new KernelFile();
        IReadOnlyList<HugePagePool> pools = NodeHugePagesReader.Read(new KernelRoot(_temp), file, 1, _diagnostics);

        Assert.Equal(
            [new HugePagePool(64 * 1024, 0, 0, 0), new HugePagePool(TwoMiB, 512, 100, 3), new HugePagePool(OneGiB, 2, 1, 0)], pools);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void No_hugepages_directory_is_no_pool_and_no_complaint()
    {
        Directory.CreateDirectory(NodeDir(0));
        using var file = new KernelFile();
        Assert.Empty(NodeHugePagesReader.Read(new KernelRoot(_temp), file, 0, _diagnostics));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void A_bad_or_missing_count_is_reported_and_that_pool_left_out()
    {
        Pool(0, "hugepages-2048kB", "lots\n", "1\n", "0\n");
        Pool(0, "hugepages-1048576kB", "1\n", "1\n", null);

        using var file = new KernelFile();
        Assert.Empty(NodeHugePagesReader.Read(new KernelRoot(_temp), file, 0, _diagnostics));
        Assert.Equal(2, _diagnostics.Count);
        Assert.Contains(_diagnostics, d => d.Path.EndsWith("hugepages-2048kB/nr_hugepages") && d.Reason == "expected a count: 'lots'");
        Assert.Contains(_diagnostics, d => d.Path.EndsWith("hugepages-1048576kB/surplus_hugepages") && d.Reason == "missing or unreadable");
    }

    [Theory]
    [InlineData("hugepages-2048kB", 2UL << 20)]
    [InlineData("hugepages-1048576kB", 1UL << 30)]
    [InlineData("hugepages-2048", 0UL)]
    [InlineData("hugepages-kB", 0UL)]
    [InlineData("hugepages-0kB", 0UL)]
    [InlineData("hugepages--2kB", 0UL)]
    public void Size_from_the_directory_name(string name, ulong bytes)
    {
        Assert.Equal(bytes != 0, NodeHugePagesReader.TryParseSize(name, out ulong parsed));
        Assert.Equal(bytes, parsed);
    }

    /// <summary>One node: node 0's pool of the default size is /proc/meminfo's HugePages_Total and _Free.</summary>
    [SkippableFact]
    public void Live_single_node_pool_of_the_default_size_agrees_with_meminfo()
    {
        using var file = new KernelFile();
        NumaSnapshot? numa = NumaReader.Read(KernelRoot.Live, file, _diagnostics);
        Skip.If(numa is null, "this kernel has no NUMA support (no /sys/devices/system/node)");
        Skip.If(numa.Nodes.Count != 1, "more than one node: the per-node pools need not match the system's");
        MemInfo mem = MemInfoReader.Read(KernelRoot.Live, file, _diagnostics)!;
        ulong size = mem["Hugepagesize"]!.Value;

        HugePagePool pool = Assert.Single(numa.Nodes[0].HugePages, p => p.PageSizeBytes == size);
        Assert.Equal((mem["HugePages_Total"], mem["HugePages_Free"], mem["HugePages_Surp"]), ((ulong?)pool.Total, (ulong?)pool.Free, (ulong?)pool.Surplus));
        foreach (HugePagePool p in numa.Nodes[0].HugePages)
            Assert.Equal(ulong.Parse(File.ReadAllText($"/sys/kernel/mm/hugepages/hugepages-{p.PageSizeBytes / 1024}kB/nr_hugepages")), p.Total);
    }

    private string NodeDir(int node) => Path.Combine(_temp, "sys", "devices", "system", "node", $"node{node}");

    private void Pool(int node, string size, string total, string free, string? surplus)
    {
        string dir = Path.Combine(NodeDir(node), "hugepages", size);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nr_hugepages"), total);
        File.WriteAllText(Path.Combine(dir, "free_hugepages"), free);
        if (surplus is not null) File.WriteAllText(Path.Combine(dir, "surplus_hugepages"), surplus);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
