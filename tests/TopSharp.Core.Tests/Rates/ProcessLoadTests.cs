using TopSharp.Core.Processes;
using TopSharp.Core.Sampling.Rates;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Core.Tests.Rates;

public class ProcessLoadTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    [Fact]
    public void Cpu_is_tick_delta_over_user_hz_over_the_real_interval()
    {
        ProcessRates r = ProcessLoad.Between(Process(7, 100, 50), Process(7, 250, 60), TwoSeconds, Hz)!.Value;

        Assert.Equal(80.0, r.CpuPct, 9); // 160 ticks / 100 Hz / 2 s
    }

    [Fact]
    public void Run_delay_switches_and_io_are_per_second_of_the_interval()
    {
        ProcessSample older = Process(7, 0, schedStat: new SchedStat(0, 1_000_000_000, 0),
            io: new PidIo(0, 0, 0, 0, 4096, 0, 0), status: true, voluntary: 10, nonvoluntary: 2);
        ProcessSample newer = Process(7, 0, schedStat: new SchedStat(0, 2_000_000_000, 0),
            io: new PidIo(0, 0, 0, 0, 4096 + 8192, 1000, 0), status: true, voluntary: 30, nonvoluntary: 12);

        ProcessRates r = ProcessLoad.Between(older, newer, TwoSeconds, Hz)!.Value;

        Assert.Equal(50.0, r.RunDelayPct!.Value, 9); // 1 s of waiting in 2 s
        Assert.Equal(15.0, r.CtxtSwitchesPerSec!.Value, 9);
        Assert.Equal(4096.0, r.ReadBytesPerSec!.Value, 9);
        Assert.Equal(500.0, r.WriteBytesPerSec!.Value, 9);
    }

    [Fact]
    public void Files_not_read_give_null_rates_not_zero()
    {
        ProcessRates r = ProcessLoad.Between(Process(7, 0), Process(7, 10), TwoSeconds, Hz)!.Value;

        Assert.Null(r.RunDelayPct);
        Assert.Null(r.CtxtSwitchesPerSec);
        Assert.Null(r.ReadBytesPerSec);
        Assert.Null(r.WriteBytesPerSec);
    }

    [Fact]
    public void Cpu_time_that_went_backwards_gives_no_rate()
    {
        Assert.Null(ProcessLoad.Between(Process(7, 100), Process(7, 99), TwoSeconds, Hz));
    }

    [Fact]
    public void Run_delay_that_went_backwards_gives_no_run_delay_rate_only()
    {
        // A thread that exited leaves the per-thread sum smaller.
        ProcessRates r = ProcessLoad.Between(
            Process(7, 0, schedStat: new SchedStat(0, 5_000, 0)),
            Process(7, 10, schedStat: new SchedStat(0, 4_000, 0)), TwoSeconds, Hz)!.Value;

        Assert.Null(r.RunDelayPct);
        Assert.Equal(5.0, r.CpuPct, 9);
    }

    [Fact]
    public void A_reused_pid_is_another_process_and_gets_no_rate()
    {
        Assert.Null(ProcessLoad.Between(Process(7, 10, starttime: 100), Process(7, 500, starttime: 900), TwoSeconds, Hz));
    }

    [Fact]
    public void A_zero_interval_gives_no_rate()
    {
        Assert.Null(ProcessLoad.Between(Process(7, 10), Process(7, 20), TimeSpan.Zero, Hz));
    }

    [Fact]
    public void A_started_process_counts_all_its_time()
    {
        ProcessRates r = ProcessLoad.Started(Process(9, 30, 10, io: new PidIo(0, 0, 0, 0, 200, 0, 0)), TwoSeconds, Hz)!.Value;

        Assert.Equal(20.0, r.CpuPct, 9);
        Assert.Equal(100.0, r.ReadBytesPerSec!.Value, 9);
        Assert.Null(r.RunDelayPct);
    }
}
