using TopSharp.Core.Cpu;
using TopSharp.Core.Sampling.Rates;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Core.Tests.Rates;

public class SchedLoadTests
{
    private static SchedBusy Reading(ulong monotonicNs, params (int Cpu, ulong BusyNs)[] cpus) =>
        new(monotonicNs, [.. cpus.Select(c => new CpuBusyTime(c.Cpu, c.BusyNs))]);

    [Fact]
    public void Share_is_busy_nanoseconds_over_the_readings_own_interval()
    {
        var older = Reading(1_000_000_000, (0, 5_000_000), (1, 40_000_000));
        var newer = Reading(3_000_000_000, (0, 25_000_000), (1, 1_020_000_000));

        IReadOnlyList<(int Cpu, double BusyPct)> cpus = SchedLoad.Between(older, newer);

        Assert.Equal([0, 1], cpus.Select(c => c.Cpu));
        Assert.Equal(1.0, cpus[0].BusyPct, 9);
        Assert.Equal(49.0, cpus[1].BusyPct, 9);
    }

    [Fact]
    public void A_cpu_missing_from_either_reading_or_gone_backwards_is_left_out()
    {
        var older = Reading(0, (0, 100), (2, 500));
        var newer = Reading(1_000, (0, 50), (1, 10), (2, 600));

        Assert.Equal([(2, 10.0)], SchedLoad.Between(older, newer));
    }

    [Fact]
    public void No_positive_interval_or_no_reading_gives_nothing()
    {
        var reading = Reading(1_000, (0, 100));

        Assert.Empty(SchedLoad.Between(reading, reading));
        Assert.Empty(SchedLoad.Between(Reading(2_000, (0, 100)), reading));
        Assert.Empty(SchedLoad.Between(null, reading));
        Assert.Empty(SchedLoad.Between(reading, null));
    }

    [Fact]
    public void A_share_over_100_from_clock_jitter_is_capped()
    {
        Assert.Equal(100.0, SchedLoad.Between(Reading(0, (0, 0)), Reading(1_000, (0, 1_001)))[0].BusyPct);
    }

    [Fact]
    public void Snapshot_rates_carry_the_sched_shares_and_their_mean_when_every_cpu_is_known()
    {
        var older = At(10, [], Times(0, 0, 0), Times(0, 0, 0)) with { SchedBusy = Reading(0, (0, 0), (1, 0)) };
        var newer = At(11, [], Times(10, 0, 90), Times(0, 0, 100)) with { SchedBusy = Reading(1_000_000_000, (0, 300_000_000), (1, 100_000_000)) };

        SnapshotRates rates = SnapshotRates.Between(older, newer);

        Assert.Equal([(0, 30.0), (1, 10.0)], rates.CpusSched);
        Assert.Equal(20.0, rates.BusyPctSched!.Value, 9);
    }

    [Fact]
    public void Without_the_program_or_with_a_cpu_unknown_there_is_no_sched_mean()
    {
        var older = At(10, [], Times(0, 0, 0), Times(0, 0, 0));
        var newer = At(11, [], Times(10, 0, 90), Times(0, 0, 100));

        Assert.Empty(SnapshotRates.Between(older, newer).CpusSched);
        Assert.Null(SnapshotRates.Between(older, newer).BusyPctSched);

        var partial = SnapshotRates.Between(older with { SchedBusy = Reading(0, (0, 0)) }, newer with { SchedBusy = Reading(1_000, (0, 500)) });
        Assert.Single(partial.CpusSched);
        Assert.Null(partial.BusyPctSched);
    }
}
