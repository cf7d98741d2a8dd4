using System.Text.Json;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary>
/// <c>kernel_memory</c> and <c>--maps PID</c> on the numa4-cgroup2 capture (tests/fixtures/numa4-cgroup2/ANSWERS.md:
/// mapper 158, mapper-child 184, burner-job1 159, zombie 169; t1 − t0 is 3.47 s).
/// </summary>
public class MemoryJsonTests
{
    private const ulong KiB = 1024;

    private static JsonElement Report(params string[] extra)
    {
        (int code, string stdout, string stderr) = Run(["--once", "--json", "--root", Fixtures.Dir("numa4-cgroup2"), .. extra]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Kernel_memory_is_always_there_with_vmstat_rates_buddyinfo_and_the_largest_slab_caches()
    {
        JsonElement report = Report();
        JsonElement k = report.GetProperty("kernel_memory");

        Assert.Equal(JsonValueKind.Null, report.GetProperty("memory_map").ValueKind);
        Assert.Equal((19647 - 19482) / 3.47, k.GetProperty("vmstat_per_sec").GetProperty("pgfault").GetDouble(), 2);
        Assert.Equal(4011256 * KiB, k.GetProperty("meminfo").GetProperty("total_bytes").GetUInt64());
        JsonElement dma = k.GetProperty("buddyinfo")[0];
        Assert.Equal("DMA", dma.GetProperty("zone").GetString());
        Assert.Equal(10, dma.GetProperty("largest_order").GetInt32());
        Assert.Equal(5, k.GetProperty("buddyinfo").GetArrayLength());
        JsonElement slabs = k.GetProperty("slab_top");
        Assert.Equal(20, slabs.GetArrayLength());
        ulong[] memory = slabs.EnumerateArray().Select(s => s.GetProperty("memory_bytes").GetUInt64()).ToArray();
        Assert.Equal(memory.OrderByDescending(m => m), memory);
        Assert.Equal(JsonValueKind.Null, k.GetProperty("slab_reason").ValueKind);
    }

    [Fact]
    public void Maps_of_the_mapper_child_has_the_shared_anonymous_VMA_at_half_its_RSS()
    {
        JsonElement map = Report("--maps", "184").GetProperty("memory_map");

        Assert.Equal(184, map.GetProperty("pid").GetInt32());
        JsonElement zero = map.GetProperty("vmas").EnumerateArray().Single(v => v.GetProperty("mapping").GetString() == "/dev/zero (deleted)");
        Assert.True(zero.GetProperty("deleted").GetBoolean());
        Assert.Equal("rw-s", zero.GetProperty("perms").GetString());
        Assert.Equal(16384 * KiB, zero.GetProperty("rss_bytes").GetUInt64());
        Assert.Equal(8192 * KiB, zero.GetProperty("pss_bytes").GetUInt64());
        Assert.Equal(33144 * KiB, map.GetProperty("totals").GetProperty("rss_bytes").GetUInt64());
        Assert.Equal(15108 * KiB, map.GetProperty("totals").GetProperty("pss_bytes").GetUInt64());
        Assert.Equal("default", zero.GetProperty("numa_policy").GetString());
        Assert.NotNull(map.GetProperty("page_cache_reason").GetString());
    }

    [Fact]
    public void Maps_of_a_burner_notes_that_smaps_is_below_VmRSS()
    {
        JsonElement map = Report("--maps", "159").GetProperty("memory_map");

        Assert.Equal(2856 * KiB, map.GetProperty("totals").GetProperty("rss_bytes").GetUInt64());
        Assert.Equal(33424 * KiB, map.GetProperty("vm_rss_bytes").GetUInt64());
        Assert.Contains("VmRSS", map.GetProperty("rss_note").GetString());
    }

    [Theory]
    [InlineData("169", "zombie: no memory map")]
    [InlineData("2", "kernel thread: no memory map")]
    [InlineData("31999", "no such process")]
    public void Processes_without_a_map_say_why(string pid, string reason)
    {
        JsonElement map = Report("--maps", pid).GetProperty("memory_map");
        Assert.Equal(reason, map.GetProperty("reason").GetString());
        Assert.Equal(0, map.GetProperty("vmas").GetArrayLength());
    }
}
