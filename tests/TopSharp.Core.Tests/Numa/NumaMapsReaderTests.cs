using System.Diagnostics;
using System.Text;
using TopSharp.Core.Numa;
using Xunit;

namespace TopSharp.Core.Tests.Numa;

/// <summary>numa_maps of the workload processes; sums from ANSWERS.md ("numa_maps pages by node (kB)").</summary>
public class NumaMapsReaderTests
{
    private const ulong KiB = 1024, MiB = 1024 * 1024;
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Theory]
    [InlineData("numa4-cgroup2", 157, new[] { 0, 1, 2, 3 }, new ulong[] { 16444, 221184, 16388, 49864 })]
    [InlineData("numa4-cgroup2", 158, new[] { 0, 3 }, new ulong[] { 65656, 712 })]
    [InlineData("numa4-cgroup2", 159, new[] { 0, 1, 3 }, new ulong[] { 4, 32856, 712 })]
    [InlineData("numa4-cgroup2", 160, new[] { 0, 2, 3 }, new ulong[] { 4, 4188, 12980 })]
    [InlineData("numa4-cgroup2", 184, new[] { 0, 3 }, new ulong[] { 32880, 264 })]
    [InlineData("numa4-cgroup1", 187, new[] { 0, 1, 2, 3 }, new ulong[] { 17156, 221184, 16388, 49152 })]
    [InlineData("numa4-cgroup1", 189, new[] { 0, 1 }, new ulong[] { 716, 32856 })]
    [InlineData("numa4-cgroup1", 190, new[] { 0, 2, 3 }, new ulong[] { 716, 12, 16440 })]
    public void Bytes_by_node_of_the_captured_processes(string fixture, int pid, int[] nodes, ulong[] kib)
    {
        NumaMaps maps = Read(new KernelRoot(Testing.Fixtures.Dir($"{fixture}/t0")), pid);

        Assert.Equal(nodes.Zip(kib, (n, k) => new NodeBytes(n, k * KiB)), maps.BytesByNode);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Numahog_policies_bind_interleave_prefer()
    {
        NumaMaps maps = Read(FixtureRoots.Cgroup2T0, 157);

        NumaMapsVma bind = maps.Vmas.Single(v => v.Address == 0x200000000);
        Assert.Equal(("bind:1", (string?)null, 51200UL, 51200UL, 4 * KiB), (bind.Policy, bind.File, bind.Anon, bind.Dirty, bind.KernelPageSizeBytes));
        Assert.Equal([new NodeBytes(1, 200 * MiB)], bind.BytesByNode);
        NumaMapsVma interleave = maps.Vmas.Single(v => v.Address == 0x300000000);
        Assert.Equal("interleave:0-3", interleave.Policy);
        Assert.Equal([0, 1, 2, 3], interleave.BytesByNode.Select(n => n.Node));
        Assert.All(interleave.BytesByNode, n => Assert.Equal(16 * MiB, n.Bytes));
        Assert.Equal([new NodeBytes(3, 32 * MiB)], maps.Vmas.Single(v => v.Address == 0x400000000).BytesByNode);

        var policies = maps.Policies().ToDictionary(p => p.Policy, p => p.Bytes);
        Assert.Equal(["interleave:0-3", "bind:1", "prefer:3"], policies.Keys);
        Assert.Equal(200 * MiB, policies["bind:1"]);
        Assert.Equal(32 * MiB, policies["prefer:3"]);
        Assert.Equal(1, maps.MainNode);
        Assert.Equal((16444UL + 221184 + 16388 + 49864) * KiB, maps.TotalBytes);
    }

    [Fact]
    public void Remote_share_is_what_lies_off_the_node_of_the_last_cpu()
    {
        NumaMaps numahog = Read(FixtureRoots.Cgroup2T0, 157), burner = Read(FixtureRoots.Cgroup2T0, 159);
        const double numahogKib = 16444 + 221184 + 16388 + 49864;

        Assert.Equal(100 * (numahogKib - 16444) / numahogKib, numahog.RemotePct(0)!.Value, 9); // runs on CPUs 0-1: node 0
        Assert.Equal(100 * (4 + 712) / (4 + 32856 + 712.0), burner.RemotePct(1)!.Value, 9);     // runs on CPUs 2-3: node 1
        Assert.Null(NumaMaps.Empty.RemotePct(0));
    }

    [Fact]
    public void Mapper_file_paths_stay_as_the_kernel_escaped_them()
    {
        NumaMaps maps = Read(FixtureRoots.Cgroup2T0, 158);

        NumaMapsVma zero = maps.Vmas.Single(v => v.File == "/dev/zero\\040(deleted)");
        Assert.Equal((NumaMapsVma.DefaultPolicy, 8192UL, 32 * MiB), (zero.Policy, zero.Dirty, zero.TotalBytes));
        Assert.Equal(0, maps.MainNode);
        Assert.Empty(maps.Policies());
    }

    [Fact]
    public void A_zombie_has_an_empty_file_and_no_memory()
    {
        NumaMaps maps = Read(FixtureRoots.Cgroup2T0, 169);
        Assert.Same(NumaMaps.Empty, maps);
        Assert.Null(maps.MainNode);
        Assert.Equal(0UL, maps.TotalBytes);
    }

    [Fact]
    public void Huge_pages_count_at_their_real_size()
    {
        Assert.True(NumaMapsReader.TryParse(
            "7f0000000000 default file=/dev/hugepages/x huge dirty=3 N0=1 N1=2 kernelpagesize_kB=2048\n"u8
            + "7f1000000000 bind:1 huge anon=1 dirty=1 N1=1 kernelpagesize_kB=1048576\n"u8, out NumaMaps? maps, _diagnostics));
        Assert.Equal([new NodeBytes(0, 2 * MiB), new NodeBytes(1, 4 * MiB + 1024 * MiB)], maps.BytesByNode);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("1000 prefer (many):0-1 anon=1 N0=1 kernelpagesize_kB=4", "prefer (many):0-1")]
    [InlineData("1000 weighted interleave:0-3 anon=1 N0=1 kernelpagesize_kB=4", "weighted interleave:0-3")]
    [InlineData("1000 bind=static:1 anon=1 N0=1 kernelpagesize_kB=4", "bind=static:1")]
    [InlineData("1000 local anon=1 N0=1 kernelpagesize_kB=4", "local")]
    [InlineData("7ffde67d2000 interleave:0-3", "interleave:0-3")]
    public void Policies_as_the_kernel_spells_them(string line, string policy)
    {
        Assert.True(NumaMapsReader.TryParse(Encoding.ASCII.GetBytes(line), out NumaMaps? maps, _diagnostics));
        Assert.Equal(policy, Assert.Single(maps.Vmas).Policy);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("zz default N0=1 kernelpagesize_kB=4", "address unparsable: 'zz default N0=1 kernelpagesize_kB=4'")]
    [InlineData("1000", "policy missing: '1000'")]
    [InlineData("1000 default N0=x kernelpagesize_kB=4", "N0 unparsable: 'x'")]
    [InlineData("1000 default N1024=1 kernelpagesize_kB=4", "N1024 unparsable: '1'")]
    [InlineData("1000 default N0=1", "N<node>= counts without kernelpagesize_kB: '1000 default N0=1'")]
    [InlineData("1000 default N0=1 kernelpagesize_kB=0", "kernelpagesize_kB unparsable: '0'")]
    public void A_bad_line_is_reported_and_the_others_still_count(string bad, string reason)
    {
        Assert.True(NumaMapsReader.TryParse(Encoding.ASCII.GetBytes($"2000 default anon=1 N0=1 kernelpagesize_kB=4\n{bad}\n"), out NumaMaps? maps, _diagnostics, "proc/9/numa_maps"));
        Assert.Equal([new NodeBytes(0, 4 * KiB)], maps.BytesByNode);
        Assert.Equal(new ParseDiagnostic(NumaMapsReader.Source, "proc/9/numa_maps", 2, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void A_vanished_process_is_null_without_a_diagnostic()
    {
        using var file = new KernelFile();
        Assert.Null(NumaMapsReader.Read(FixtureRoots.Cgroup2T0, file, 99999, _diagnostics));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Live_self_has_resident_memory_on_an_online_node()
    {
        using var file = new KernelFile();
        NumaMaps maps = NumaMapsReader.Read(KernelRoot.Live, file, Environment.ProcessId, _diagnostics)!;

        Assert.NotEmpty(maps.Vmas);
        Assert.Equal(0, maps.MainNode);
        // numa_maps counts mapped pages; VmRSS counts the same resident pages, give or take the pages touched between the reads.
        ulong rss = (ulong)Process.GetCurrentProcess().WorkingSet64;
        Assert.InRange(maps.TotalBytes, rss / 2, rss * 2);
        Assert.Empty(_diagnostics);
    }

    private NumaMaps Read(KernelRoot root, int pid)
    {
        using var file = new KernelFile();
        return NumaMapsReader.Read(root, file, pid, _diagnostics) ?? throw new InvalidOperationException($"no numa_maps for {pid}");
    }
}
