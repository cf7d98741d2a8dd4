using TopSharp.Core.Cpu;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Header;
using TopSharp.ViewModels.Sampling;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Header;

public sealed class HeaderViewModelTests
{
    private static CpuPercent Cpu(double user, double system, double iowait = 0) =>
        new(user, 0, system, 100 - user - system - iowait, iowait, 0, 0, 0, 0, user + system);

    private static SnapshotRates Rates(CpuPercent total, double? busyTasks) =>
        new(TimeSpan.FromSeconds(1), total, [(0, Cpu(10, 5)), (1, Cpu(14, 5, 2))], busyTasks, new Dictionary<ProcessKey, ProcessRates>());

    private static SystemSnapshot Snapshot()
    {
        SystemSnapshot s = Snap(1, Proc(1, ppid: 0, numThreads: 1), Proc(2, ppid: 0, comm: "kthreadd", cmdline: ""),
            Proc(3, ppid: 2, comm: "kworker/0:1", cmdline: ""), Proc(100, numThreads: 4));
        return s with
        {
            Stat = new ProcStat(default, [], 0, 0, ProcsRunning: 3, ProcsBlocked: 0),
            Uptime = new Uptime(3 * 86400 + 4 * 3600 + 5 * 60 + 6.7, 0),
            Pressure = new Pressure(new PressureResource(new PressureLine(1.24, 0, 0, 0), null), null,
                new PressureResource(new PressureLine(3.5, 0, 0, 0), null)),
        };
    }

    [Fact]
    public void Header_shows_meters_bars_load_pressure_tasks_and_uptime()
    {
        HeaderState h = HeaderViewModel.Build(new Sample(Snapshot(), null, Rates(Cpu(12, 5), 17)));

        Assert.Equal(["0", "1"], h.Cpus.Select(c => c.Label));
        Assert.Equal(19, h.Cpus[1].Busy);
        Assert.Equal(2, h.Cpus[1].Iowait);
        Assert.Equal("19.0%", h.Cpus[1].Text);
        Assert.Equal("17.0%", h.Total!.Text);

        MemoryBar mem = h.Memory!;
        Assert.Equal(MemTotalBytes, mem.TotalBytes);
        Assert.Equal(512UL << 20, mem.ShmemBytes);
        Assert.Equal((2048UL + 256 - 512) << 20, mem.CacheBytes);                      // Cached + SReclaimable − Shmem
        Assert.Equal((8192UL - 2048 - 256 - 1792 - 512) << 20, mem.UsedBytes);        // total − free − buffers − cache − shmem
        Assert.Equal("3.00G/8.00G", mem.Text);                                         // total − MemAvailable
        Assert.Equal("256M/1.00G", h.Swap!.Text);

        Assert.Equal("0.50 0.25 0.15", h.Load!.Text);
        Assert.Equal(1.24, h.Pressure.CpuSomeAvg10);
        Assert.Null(h.Pressure.MemorySomeAvg10);
        Assert.Equal("PSI some avg10: cpu 1.2% io 3.5%", h.Pressure.Text);
        Assert.Equal(new TaskCounts(2, 5, 2, 3, "Tasks: 2, 5 thr, 2 kthr; 3 running"), h.Tasks);
        Assert.Equal("3 days, 04:05:06", h.Uptime);
        Assert.Null(h.Disagreement);
    }

    [Fact]
    public void Disagreement_is_worded_when_the_two_accountings_differ_by_more_than_five_points()
    {
        Assert.Equal("tick sampling under-reports: /proc/stat 12% busy, tasks' own accounting 35%",
            HeaderViewModel.Build(new Sample(Snapshot(), null, Rates(Cpu(8, 4), 35))).Disagreement);
        Assert.Equal("tick sampling over-reports: /proc/stat 50% busy, tasks' own accounting 20%",
            HeaderViewModel.Disagreement(Rates(Cpu(40, 10), 20)));
        Assert.Null(HeaderViewModel.Disagreement(Rates(Cpu(8, 4), 17)));
        Assert.Null(HeaderViewModel.Disagreement(Rates(Cpu(8, 4), null)));
    }

    [Fact]
    public void A_first_sample_without_rates_still_shows_memory_and_no_meters()
    {
        HeaderState h = HeaderViewModel.Build(new Sample(Snapshot() with { Pressure = new Pressure(null, null, null) }, null, null));
        Assert.Empty(h.Cpus);
        Assert.Null(h.Total);
        Assert.NotNull(h.Memory);
        Assert.Equal("", h.Pressure.Text);
    }
}
