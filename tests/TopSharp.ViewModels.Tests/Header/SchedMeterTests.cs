using TopSharp.Core.Processes;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Header;
using TopSharp.ViewModels.Sampling;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Header;

/// <summary>The header's meters and warning when the sched_switch program's per-CPU busy shares are present.</summary>
public sealed class SchedMeterTests
{
    // user 10, system 5, idle 80, iowait 5: busy 15 by the ticks.
    private static readonly CpuPercent Ticks = new(10, 0, 5, 80, 5, 0, 0, 0, 0, 15);

    private static SnapshotRates Rates(params (int Cpu, double BusyPct)[] sched) =>
        new(TimeSpan.FromSeconds(1), Ticks, [(0, Ticks), (1, Ticks)], 15, new Dictionary<ProcessKey, ProcessRates>()) { CpusSched = sched };

    [Fact]
    public void Busy_parts_are_scaled_to_the_sched_total_and_idle_and_iowait_share_the_rest()
    {
        CpuPercent p = SchedShares.WithBusy(Ticks, 45);

        Assert.Equal(30, p.User, 9);
        Assert.Equal(15, p.System, 9);
        Assert.Equal(45, p.Busy, 9);
        Assert.Equal(55 * 80 / 85.0, p.Idle, 9);
        Assert.Equal(55 * 5 / 85.0, p.Iowait, 9);
        Assert.Equal(100, p.User + p.Nice + p.System + p.Idle + p.Iowait + p.Irq + p.Softirq + p.Steal, 9);
    }

    [Fact]
    public void Busy_time_no_tick_saw_is_drawn_as_user()
    {
        CpuPercent p = SchedShares.WithBusy(new CpuPercent(0, 0, 0, 100, 0, 0, 0, 0, 0, 0), 47);

        Assert.Equal(47, p.User, 9);
        Assert.Equal(53, p.Idle, 9);
        Assert.Equal(47, p.Busy, 9);
    }

    [Fact]
    public void Meters_use_the_sched_share_where_there_is_one_and_the_ticks_elsewhere()
    {
        HeaderState h = HeaderViewModel.Build(new Sample(Snap(1), null, Rates((1, 47.04))));

        Assert.Equal("15.0%", h.Cpus[0].Text);
        Assert.Equal(47.04, h.Cpus[1].Busy, 9);
        Assert.Equal("47.0%", h.Cpus[1].Text);
        Assert.Equal("15.0%", h.Total!.Text); // the mean needs every CPU
    }

    [Fact]
    public void Average_meter_and_warning_use_the_sched_mean_when_every_cpu_has_one()
    {
        SnapshotRates rates = Rates((0, 15), (1, 47));
        HeaderState h = HeaderViewModel.Build(new Sample(Snap(1), null, rates));

        Assert.Equal("31.0%", h.Total!.Text);
        Assert.Equal("tick sampling under-reports: /proc/stat 15% busy, sched_switch 31%", h.Disagreement);
        Assert.Null(HeaderViewModel.Disagreement(Rates((0, 15), (1, 20))));
    }
}
