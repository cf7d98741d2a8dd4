using System.Text.Json;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary>
/// The <c>numa</c> section and <c>--numa-maps</c> on both 4-node captures: exact values from their ANSWERS.md
/// ("NUMA nodes", "numa_maps pages by node"); t1 − t0 is 3.47 s (v2) and 3.95 s (v1).
/// </summary>
public class NumaJsonTests
{
    private const ulong KiB = 1024;

    private static readonly Lazy<JsonElement> Cgroup2 = new(() => Report("numa4-cgroup2"));
    private static readonly Lazy<JsonElement> Cgroup1 = new(() => Report("numa4-cgroup1"));

    private static JsonElement Report(string fixture)
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--numa-maps", "--root", Fixtures.Dir(fixture));
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static JsonElement Node(JsonElement report, int node) => report.GetProperty("numa").GetProperty("nodes")[node];

    private static Dictionary<string, ulong> BytesByNode(JsonElement report, int pid) =>
        report.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == pid)
            .GetProperty("numa_bytes_by_node").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetUInt64());

    [Fact]
    public void Node_masks_cpus_and_the_asymmetric_distances()
    {
        JsonElement numa = Cgroup2.Value.GetProperty("numa");

        Assert.Equal("0-3", numa.GetProperty("online").GetString());
        Assert.Equal("0-3", numa.GetProperty("has_normal_memory").GetString());
        Assert.Equal(4, numa.GetProperty("nodes").GetArrayLength());
        JsonElement node3 = Node(Cgroup2.Value, 3);
        Assert.Equal("6-7", node3.GetProperty("cpus").GetString());
        Assert.Equal([40, 32, 20, 10], node3.GetProperty("distances").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal([20, 10, 40, 30], Node(Cgroup2.Value, 1).GetProperty("distances").EnumerateArray().Select(d => d.GetInt32()));
        Assert.True(node3.GetProperty("has_cpu").GetBoolean() && node3.GetProperty("has_memory").GetBoolean());
    }

    [Fact]
    public void Node_memory_in_bytes_and_numastat_totals_and_rates()
    {
        JsonElement node0 = Node(Cgroup2.Value, 0);
        JsonElement memory = node0.GetProperty("memory");

        Assert.Equal(985208 * KiB, memory.GetProperty("mem_total_bytes").GetUInt64());
        Assert.Equal(101856 * KiB, memory.GetProperty("mem_used_bytes").GetUInt64()); // t1; 101112 kB at t0
        Assert.Equal(49188 * KiB, memory.GetProperty("shmem_bytes").GetUInt64());
        Assert.Equal(0UL, memory.GetProperty("huge_pages_total").GetUInt64());
        Assert.Equal(19249UL, node0.GetProperty("numa_hit").GetUInt64());
        Assert.Equal(18250UL, node0.GetProperty("local_node").GetUInt64());
        Assert.Equal(999UL, node0.GetProperty("other_node").GetUInt64());
        Assert.Equal(0.0, node0.GetProperty("other_node_per_sec").GetDouble());
        Assert.Equal(104.9, node0.GetProperty("numa_hit_per_sec").GetDouble()); // 364 pages / 3.47 s
        Assert.Equal(104.9, node0.GetProperty("local_node_per_sec").GetDouble());
        Assert.Equal(0.0, node0.GetProperty("numa_miss_pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, Node(Cgroup2.Value, 1).GetProperty("numa_miss_pct").ValueKind); // nothing allocated there
        Assert.Equal(19.84, node0.GetProperty("cpu_busy_pct").GetDouble()); // 123 of 620 ticks on CPUs 0-1
        Assert.Equal(45.93, Node(Cgroup2.Value, 1).GetProperty("cpu_busy_pct").GetDouble()); // burner-job1 on CPUs 2-3
    }

    [Fact]
    public void Cgroup1_boot_nodes()
    {
        JsonElement node0 = Node(Cgroup1.Value, 0);

        Assert.Equal(1030480 * KiB, node0.GetProperty("memory").GetProperty("mem_total_bytes").GetUInt64());
        Assert.Equal(983412 * KiB, Node(Cgroup1.Value, 3).GetProperty("memory").GetProperty("mem_total_bytes").GetUInt64());
        Assert.Equal(19024UL, node0.GetProperty("numa_hit").GetUInt64());
        Assert.Equal(110.63, node0.GetProperty("numa_hit_per_sec").GetDouble()); // 437 pages / 3.95 s
        Assert.Equal(44.82, Node(Cgroup1.Value, 1).GetProperty("cpu_busy_pct").GetDouble());
    }

    [Fact]
    public void Every_node_has_its_2M_and_1G_huge_page_pools()
    {
        foreach (JsonElement report in new[] { Cgroup2.Value, Cgroup1.Value })
            for (int n = 0; n < 4; n++)
            {
                var pools = Node(report, n).GetProperty("hugepages").EnumerateArray()
                    .Select(p => (p.GetProperty("size_bytes").GetUInt64(), p.GetProperty("total").GetUInt64(), p.GetProperty("free").GetUInt64(), p.GetProperty("surplus").GetUInt64()));
                Assert.Equal([(2UL << 20, 0UL, 0UL, 0UL), (1UL << 30, 0UL, 0UL, 0UL)], pools);   // the captures reserved none
            }
    }

    [Fact]
    public void Numa_maps_bytes_by_node_of_the_bound_and_interleaved_processes()
    {
        // numahog: 200 MB bound to node 1, 64 MB interleaved over 0-3, 32 MB preferring node 3 (t1 capture, the same as t0).
        Assert.Equal(
            new Dictionary<string, ulong> { ["0"] = 16444 * KiB, ["1"] = 221184 * KiB, ["2"] = 16388 * KiB, ["3"] = 49864 * KiB },
            BytesByNode(Cgroup2.Value, 157));
        Assert.Equal(new Dictionary<string, ulong> { ["0"] = 4 * KiB, ["1"] = 32856 * KiB, ["3"] = 712 * KiB }, BytesByNode(Cgroup2.Value, 159));
        Assert.Empty(BytesByNode(Cgroup2.Value, 169)); // the zombie's file is empty
        Assert.Equal(
            new Dictionary<string, ulong> { ["0"] = 17156 * KiB, ["1"] = 221184 * KiB, ["2"] = 16388 * KiB, ["3"] = 49152 * KiB },
            BytesByNode(Cgroup1.Value, 187));
    }

    /// <summary>The same values as the NODE and REMOTE% columns (tests/TopSharp.ViewModels.Tests NumaColumnsTests).</summary>
    [Theory]
    [InlineData("numa4-cgroup2", 157, 1, 94.59)]   // numahog: 216 MiB on node 1, last ran on CPU 1 (node 0)
    [InlineData("numa4-cgroup2", 159, 1, 2.13)]    // burner-job1, bound to node 1, on CPU 2 (node 1)
    [InlineData("numa4-cgroup2", 160, 3, 24.41)]   // burner-job2, nodes 2-3, on CPU 6 (node 3)
    [InlineData("numa4-cgroup1", 190, 3, 4.24)]
    public void Main_node_and_remote_share_as_the_columns_show(string fixture, int pid, int node, double remotePct)
    {
        JsonElement p = (fixture == "numa4-cgroup2" ? Cgroup2 : Cgroup1).Value.GetProperty("processes").EnumerateArray()
            .Single(e => e.GetProperty("pid").GetInt32() == pid);

        Assert.Equal((node, remotePct), (p.GetProperty("numa_main_node").GetInt32(), p.GetProperty("numa_remote_pct").GetDouble()));
    }

    [Fact]
    public void Nothing_resident_is_no_main_node_and_no_remote_share()
    {
        JsonElement zombie = Cgroup2.Value.GetProperty("processes").EnumerateArray().Single(e => e.GetProperty("pid").GetInt32() == 169);

        Assert.Equal(JsonValueKind.Null, zombie.GetProperty("numa_main_node").ValueKind);
        Assert.Equal(JsonValueKind.Null, zombie.GetProperty("numa_remote_pct").ValueKind);
    }

    [Fact]
    public void Without_the_option_numa_maps_is_not_read()
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--root", Fixtures.Dir("numa4-cgroup2"));

        Assert.True(code == 0, stderr);
        JsonElement p = JsonDocument.Parse(stdout).RootElement.GetProperty("processes")[0];
        Assert.Equal(JsonValueKind.Null, p.GetProperty("numa_bytes_by_node").ValueKind);
    }

    [Fact]
    public void Numa_maps_option_alone_is_refused()
    {
        (int code, _, string stderr) = Run("--numa-maps");

        Assert.Equal(2, code);
        Assert.Contains("--numa-maps needs --once --json", stderr);
    }
}
