using TopSharp.Core.Memory;
using TopSharp.Core.Sampling.Rates;
using Xunit;

namespace TopSharp.Core.Tests.Memory;

public class KernelMemoryReadersTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];
    private readonly KernelFile _file = new();

    [Fact]
    public void Vmstat_keeps_the_listed_counters_and_rates_are_deltas_over_the_interval()
    {
        VmStat t0 = VmStatReader.Read(FixtureRoots.Cgroup2T0, _file, _diagnostics)!;
        VmStat t1 = VmStatReader.Read(FixtureRoots.Cgroup2T1, _file, _diagnostics)!;

        Assert.Equal(19482UL, t0["pgfault"]);
        Assert.Equal(0UL, t0["oom_kill"]);
        IReadOnlyList<VmStatRate> rates = VmStatRate.Between(t0, t1, TimeSpan.FromSeconds(22.46 - 18.99));
        Assert.Equal(VmStat.Names.Count, rates.Count);
        Assert.Equal((19647 - 19482) / 3.47, rates[0].PerSecond!.Value, 6);
        Assert.Equal("pgfault", rates[0].Name);
        Assert.Equal(0, rates.Single(r => r.Name == "pgmajfault").PerSecond);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Vmstat_counters_a_kernel_lacks_are_null_and_a_backwards_counter_has_no_rate()
    {
        Assert.True(VmStatReader.TryParse("pgfault 10\nnr_free_pages 5\npswpin 7\n"u8, out VmStat? older, _diagnostics));
        Assert.True(VmStatReader.TryParse("pgfault 4\npswpin 9\n"u8, out VmStat? newer, _diagnostics));
        Assert.Null(older["workingset_refault_anon"]);

        IReadOnlyList<VmStatRate> rates = VmStatRate.Between(older, newer, TimeSpan.FromSeconds(2));
        Assert.Null(rates.Single(r => r.Name == "pgfault").PerSecond);
        Assert.Equal(1.0, rates.Single(r => r.Name == "pswpin").PerSecond);
        Assert.Null(rates.Single(r => r.Name == "compact_stall").PerSecond);
        Assert.Empty(VmStatRate.Between(older, newer, TimeSpan.Zero));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Vmstat_unparsable_value_is_reported()
    {
        Assert.True(VmStatReader.TryParse("pgfault lots\npswpin 1\n"u8, out VmStat? v, _diagnostics, "p"));
        Assert.Null(v["pgfault"]);
        Assert.Equal(1, Assert.Single(_diagnostics).Line);
    }

    [Fact]
    public void Buddyinfo_has_each_populated_zone_of_each_node_with_its_largest_order()
    {
        BuddyInfo b = BuddyInfoReader.Read(FixtureRoots.Cgroup2T0, _file, _diagnostics)!;

        Assert.Equal(5, b.Zones.Count);
        BuddyZone dma = b.Zones[0];
        Assert.Equal((0, "DMA"), (dma.Node, dma.Zone));
        Assert.Equal([0UL, 0, 0, 0, 0, 0, 0, 1, 0, 1, 3], dma.FreeBlocks);
        Assert.Equal(10, dma.LargestOrder);
        Assert.Equal(128UL + 512 + 3 * 1024, dma.FreePages);
        Assert.Equal((3, "Normal"), (b.Zones[4].Node, b.Zones[4].Zone));
        Assert.Same(b.Zones[3].Zone, b.Zones[4].Zone);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("Node 0, zone   Normal\n")]
    [InlineData("Node x, zone   Normal 1 2\n")]
    [InlineData("Node 0, zone   Normal 1 two\n")]
    public void Buddyinfo_bad_lines_are_reported(string text)
    {
        Assert.True(BuddyInfoReader.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out BuddyInfo? b, _diagnostics));
        Assert.Empty(b.Zones);
        Assert.Single(_diagnostics);
    }

    [Fact]
    public void Buddyinfo_largest_order_is_minus_one_when_a_zone_is_exhausted() =>
        Assert.Equal(-1, new BuddyZone(0, "Normal", [0, 0, 0]).LargestOrder);

    [Fact]
    public void Slabinfo_caches_with_memory_as_slabtop_counts_it()
    {
        Assert.True(SlabInfoReader.TryParse(File.ReadAllBytes(FixtureRoots.Cgroup2T0.Proc("slabinfo")), 4096, out SlabInfo? s, _diagnostics));

        Assert.Equal(145, s.Caches.Count);
        SlabCache task = s.Caches.Single(c => c.Name == "task_struct");
        Assert.Equal(new SlabCache("task_struct", 165, 165, 8448, 3, 8, 55, 55, 4096), task);
        Assert.Equal(55UL * 8 * 4096, task.MemoryBytes);
        SlabCache kmalloc = s.Caches.Single(c => c.Name == "kmalloc-64");
        Assert.Equal(100.0 * 2604 / 2816, kmalloc.ActivePct, 9);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Slabinfo_bad_line_is_reported_and_the_rest_kept()
    {
        Assert.True(SlabInfoReader.TryParse("slabinfo - version: 2.1\n# name <active_objs>\nbroken 1 2\nok 1 2 64 64 1 : tunables 0 0 0 : slabdata 1 1 0\n"u8, 4096, out SlabInfo? s, _diagnostics));
        Assert.Equal("ok", Assert.Single(s.Caches).Name);
        Assert.Equal(3, Assert.Single(_diagnostics).Line);
    }

    [SkippableFact]
    public void Live_slabinfo_is_read_as_root_or_says_how_to_grant_it()
    {
        SlabInfoResult r = SlabInfoReader.Read(KernelRoot.Live, _file, Environment.SystemPageSize, _diagnostics);
        if (r.SlabInfo is null)
            Assert.Equal(SlabInfoReader.NeedsRoot, r.Reason);
        else
        {
            Assert.Contains(r.SlabInfo.Caches, c => c.Name == "task_struct" && c.ActiveObjs > 0);
            Assert.Null(r.Reason);
        }
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Meminfo_breakdown_splits_shmem_from_the_page_cache()
    {
        MemInfo m = MemInfoReader.Read(FixtureRoots.Cgroup2T0, _file, _diagnostics)!;
        MemInfoBreakdown b = MemInfoBreakdown.From(m);

        Assert.Equal(m.CachedBytes - m.ShmemBytes, b.PageCacheBytes);
        Assert.Equal(m["AnonPages"], b.AnonBytes);
        Assert.Equal(m["SUnreclaim"], b.SlabUnreclaimableBytes);
        Assert.True(b.BarParts.Aggregate(0UL, (s, p) => s + p.Bytes) <= b.TotalBytes);
    }

    [Fact]
    public void Meminfo_names_are_interned_not_allocated_per_read()
    {
        MemInfo a = MemInfoReader.Read(FixtureRoots.Cgroup2T0, _file, _diagnostics)!;
        MemInfo b = MemInfoReader.Read(FixtureRoots.Cgroup1T0, _file, _diagnostics)!;
        Assert.All(a.Fields.Zip(b.Fields), p => Assert.Same(p.First.Name, p.Second.Name));
    }
}
