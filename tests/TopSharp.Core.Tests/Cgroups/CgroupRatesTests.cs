using TopSharp.Core.Cgroups;
using TopSharp.Core.Sampling.Rates;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>Rates between t0 and t1 of the captures (intervals from proc/uptime: 3.47 s v2, 3.95 s v1).</summary>
public class CgroupRatesTests
{
    [Fact]
    public void V2_cpu_and_throttling_of_the_quota_limited_jobs()
    {
        var rates = Between("numa4-cgroup2", TimeSpan.FromSeconds(3.47));

        CgroupRates job1 = rates[new CgroupKey("unified", "/batch/job1")], job2 = rates[new CgroupKey("unified", "/batch/job2")];
        Assert.Equal(3097056 / 3.47e6 * 100, job1.CpuPct!.Value, 6);
        Assert.Equal(89.25, job1.CpuPct.Value, 2);
        Assert.Equal((8488092 - 6926504) / 3.47e6 * 100, job2.CpuPct!.Value, 6);
        Assert.Equal((166 - 135) / 3.47, job1.NrThrottledPerSec!.Value, 6);
        Assert.Equal((15646841 - 12716971) / 3.47e6 * 100, job1.ThrottledPct!.Value, 6);
        Assert.Equal(0, rates[new CgroupKey("unified", "/system.slice/cron.service")].CpuPct);
        Assert.Equal(0, job1.ReadBytesPerSec);
        Assert.Equal(8, rates.Count);
    }

    [Fact]
    public void V1_cpu_from_cpuacct_usage_in_the_co_mounted_hierarchy()
    {
        var rates = Between("numa4-cgroup1", TimeSpan.FromSeconds(3.95));

        CgroupRates job1 = rates[new CgroupKey("cpu,cpuacct", "/batch/job1")];
        Assert.Equal(3721154338 / 3.95e9 * 100, job1.CpuPct!.Value, 6);
        Assert.Equal((168 - 131) / 3.95, job1.NrThrottledPerSec!.Value, 6);
        Assert.Null(rates[new CgroupKey("memory", "/batch")].CpuPct);
        Assert.Null(job1.ReadBytesPerSec);
    }

    [Fact]
    public void A_counter_that_went_backwards_or_no_interval_gives_no_rate()
    {
        Cgroup older = new() { Path = "/a", CpuUsageNs = 2000 }, newer = new() { Path = "/a", CpuUsageNs = 1000 };
        Assert.Null(CgroupRates.Of(older, newer, TimeSpan.FromSeconds(1)).CpuPct);
        Assert.Empty(CgroupRates.Between(CgroupSnapshot.Empty, CgroupSnapshot.Empty, TimeSpan.Zero));
        Assert.Empty(CgroupRates.Between(null, CgroupSnapshot.Empty, TimeSpan.FromSeconds(1)));
    }

    private static IReadOnlyDictionary<CgroupKey, CgroupRates> Between(string fixture, TimeSpan interval)
    {
        using var file = new KernelFile();
        var diagnostics = new List<ParseDiagnostic>();
        CgroupSnapshot t0 = CgroupTreeReader.Read(new KernelRoot(TopSharp.Testing.Fixtures.Dir(fixture + "/t0")), file, diagnostics);
        CgroupSnapshot t1 = CgroupTreeReader.Read(new KernelRoot(TopSharp.Testing.Fixtures.Dir(fixture + "/t1")), file, diagnostics);
        Assert.Empty(diagnostics);
        return CgroupRates.Between(t0, t1, interval);
    }
}
