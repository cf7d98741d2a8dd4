using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Memory;
using TopSharp.ViewModels.Sampling;
using Xunit;

namespace TopSharp.ViewModels.Tests.Memory;

/// <summary>The kernel memory pane's state on the numa4-cgroup2 pair (t1 − t0 = 3.47 s).</summary>
public class KernelMemoryViewModelTests
{
    private static Sample Pair()
    {
        using var s0 = new Sampler(new KernelRoot(Fixtures.Dir("numa4-cgroup2/t0")));
        using var s1 = new Sampler(new KernelRoot(Fixtures.Dir("numa4-cgroup2/t1")));
        SystemSnapshot t0 = s0.Sample(ProcessFiles.KernelMemory), t1 = s1.Sample(ProcessFiles.KernelMemory);
        return new Sample(t1, t0, SnapshotRates.Between(t0, t1));
    }

    [Fact]
    public void Meminfo_bar_vmstat_rates_buddy_zones_and_slabs_by_memory()
    {
        KernelMemoryState s = KernelMemoryViewModel.Build(Pair(), SlabSort.Memory);

        Assert.Equal("anon", s.Bar[0].Name);
        Assert.True(s.Bar.Sum(p => p.Fraction) <= 1.0);
        Assert.Contains(s.Meminfo, r => r.Name == "available");
        Assert.Equal(("pgfault", "47.6"), s.VmStat[0]);
        Assert.Equal(5, s.Buddy.Count);
        Assert.Equal("Node 0 DMA", s.Buddy[0].Zone);
        Assert.Equal("10", s.Buddy[0].LargestOrder);
        Assert.Equal("inode_cache", s.Slabs[0].Name);
        Assert.Null(s.SlabReason);
    }

    [Fact]
    public void Slab_sort_by_objects_and_by_active_ratio()
    {
        Sample pair = Pair();
        KernelMemoryState byObjects = KernelMemoryViewModel.Build(pair, SlabSort.Objects);
        ulong[] objects = byObjects.Slabs.Select(r => ulong.Parse(r.Objects)).ToArray();
        Assert.Equal(objects.OrderByDescending(o => o), objects);

        KernelMemoryState byRatio = KernelMemoryViewModel.Build(pair, SlabSort.ActiveRatio);
        double[] ratios = byRatio.Slabs.Select(r => double.Parse(r.ActivePct, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ratios.Order(), ratios);
    }

    [Fact]
    public void One_sample_has_no_rates_yet()
    {
        using var s0 = new Sampler(new KernelRoot(Fixtures.Dir("numa4-cgroup2/t0")));
        KernelMemoryState s = KernelMemoryViewModel.Build(new Sample(s0.Sample(ProcessFiles.None), null, null), SlabSort.Memory);
        Assert.All(s.VmStat, r => Assert.Equal("-", r.PerSec));
    }
}
