using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Rates;

/// <summary>Rates between the two real-kernel captures of numa4-cgroup2 (tests/fixtures, values from its ANSWERS.md).</summary>
public class CapturedTreeRatesTests
{
    private static readonly Lazy<SnapshotRates> Rates = new(() => SnapshotRates.Between(Read("t0"), Read("t1")));

    private static SystemSnapshot Read(string capture)
    {
        using var sampler = new Sampler(new KernelRoot(Fixtures.Dir($"numa4-cgroup2/{capture}")));
        return sampler.Sample(ProcessFiles.All);
    }

    private static ProcessRates Pid(int pid) => Rates.Value.Processes.Single(p => p.Key.Pid == pid).Value;

    [Fact]
    public void Interval_comes_from_the_captures_uptime()
    {
        Assert.Equal(3.47, Rates.Value.Interval.TotalSeconds, 6); // to the 100 ns tick of TimeSpan
    }

    [Fact]
    public void Process_cpu_is_its_ticks_over_the_real_interval()
    {
        Assert.Equal(330 / 3.47, Pid(159).CpuPct, 4); // 95.1 %: four spinning threads under cpu.max of one CPU
        Assert.Equal(169 / 3.47, Pid(160).CpuPct, 4); // 48.7 %: two threads under half a CPU
        Assert.Equal(0.0, Pid(1).CpuPct);
    }

    [Fact]
    public void Every_process_of_both_captures_has_rates()
    {
        Assert.Equal(122, Rates.Value.Processes.Count);
    }

    [Fact]
    public void Run_delay_sums_the_threads_of_the_throttled_burner()
    {
        // Four spinning threads held to one CPU by cpu.max wait 10.1 s in 3.47 s: 291 %.
        Assert.Equal((53_998_607_514.0 - 43_895_418_126) / 3.47 / 1e7, Pid(159).RunDelayPct!.Value, 4);
    }

    [Fact]
    public void Busy_from_proc_stat_and_from_the_tasks()
    {
        SnapshotRates r = Rates.Value;

        Assert.Equal(502.0 / 2527 * 100, r.Total!.Value.Busy, 9); // 19.9 %
        Assert.Equal(8, r.Cpus.Count);
        Assert.Equal(141.0 / 299 * 100, r.Cpus.Single(c => c.Cpu == 2).Percent.Busy, 9);
        // 506 ticks by all 122 tasks over 3.47 s × 8 CPUs; /proc/stat's 2527 ticks cover only 3.16 s per CPU.
        Assert.Equal(506 / 3.47 / 8, r.BusyPctTasks!.Value, 4);
    }
}
