using TopSharp.Core.Sampling.Rates;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Core.Tests.Rates;

public class CpuLoadTests
{
    [Fact]
    public void Shares_are_each_field_over_the_tick_delta()
    {
        CpuPercent p = CpuLoad.Between(Times(100, 50, 1000), Times(130, 60, 1040, iowait: 10, softirq: 10))!.Value;

        Assert.Equal(30.0, p.User, 9);
        Assert.Equal(10.0, p.System, 9);
        Assert.Equal(40.0, p.Idle, 9);
        Assert.Equal(10.0, p.Iowait, 9);
        Assert.Equal(10.0, p.Softirq, 9);
        Assert.Equal(50.0, p.Busy, 9);
    }

    [Fact]
    public void Guest_time_is_a_share_of_user_not_added_to_it()
    {
        CpuPercent p = CpuLoad.Between(Times(0, 0, 0), Times(50, 0, 50, guest: 25))!.Value;

        Assert.Equal(50.0, p.User, 9);
        Assert.Equal(25.0, p.Guest, 9);
        Assert.Equal(50.0, p.Busy, 9);
    }

    [Fact]
    public void A_counter_that_went_backwards_gives_no_shares()
    {
        Assert.Null(CpuLoad.Between(Times(100, 50, 1000), Times(90, 60, 1040)));
    }

    [Fact]
    public void Iowait_may_shrink_and_then_has_a_zero_share()
    {
        CpuPercent p = CpuLoad.Between(Times(0, 0, 0, iowait: 30), Times(50, 0, 50, iowait: 20))!.Value;

        Assert.Equal(0.0, p.Iowait);
        Assert.Equal(50.0, p.Busy, 9);
    }

    [Fact]
    public void No_tick_gives_no_shares()
    {
        Assert.Null(CpuLoad.Between(Times(1, 2, 3), Times(1, 2, 3)));
    }
}

public class PressureStallTests
{
    [Fact]
    public void Stall_share_is_the_total_delta_over_the_interval()
    {
        Assert.Equal(25.0, PressureStall.Between(new(0, 0, 0, 1_000_000), new(0, 0, 0, 1_500_000), TimeSpan.FromSeconds(2))!.Value, 9);
    }

    [Fact]
    public void No_interval_or_a_total_that_went_backwards_gives_none()
    {
        Assert.Null(PressureStall.Between(new(0, 0, 0, 10), new(0, 0, 0, 20), TimeSpan.Zero));
        Assert.Null(PressureStall.Between(new(0, 0, 0, 20), new(0, 0, 0, 10), TimeSpan.FromSeconds(1)));
    }
}
