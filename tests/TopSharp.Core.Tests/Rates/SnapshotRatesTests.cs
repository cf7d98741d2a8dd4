using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Core.Tests.Rates;

public class SnapshotRatesTests
{
    [Fact]
    public void Interval_is_the_difference_of_the_timestamps()
    {
        SnapshotRates r = SnapshotRates.Between(At(10, [Process(1, 0)]), At(12.5, [Process(1, 0)]));

        Assert.Equal(TimeSpan.FromSeconds(2.5), r.Interval);
    }

    [Fact]
    public void Process_cpu_uses_the_real_interval_not_the_tick_total()
    {
        // /proc/stat counted 300 ticks per CPU (3 s) while the clocks say 2 s passed.
        SystemSnapshot older = At(10, [Process(1, 0)], Times(0, 0, 0), Times(0, 0, 0));
        SystemSnapshot newer = At(12, [Process(1, 100)], Times(100, 0, 200), Times(0, 0, 300));

        SnapshotRates r = SnapshotRates.Between(older, newer);

        Assert.Equal(50.0, r.Processes[new ProcessKey(1, 100)].CpuPct, 9);
        Assert.Equal(100.0 / 600 * 100, r.Total!.Value.Busy, 9);
        Assert.Equal([0, 1], r.Cpus.Select(c => c.Cpu));
        Assert.Equal(100.0 / 300 * 100, r.Cpus[0].Percent.User, 9);
    }

    [Fact]
    public void A_backwards_counter_leaves_the_process_without_rates()
    {
        SnapshotRates r = SnapshotRates.Between(At(10, [Process(1, 50), Process(2, 10)]), At(11, [Process(1, 40), Process(2, 20)]));

        Assert.False(r.Processes.ContainsKey(new ProcessKey(1, 100)));
        Assert.Equal(10.0, r.Processes[new ProcessKey(2, 100)].CpuPct, 9);
    }

    [Fact]
    public void A_reused_pid_is_a_new_process_rated_only_when_it_started_inside_the_interval()
    {
        // PID 5 was a process started at 1 s; at 10.5 s (tick 1050) a new process took the PID.
        SystemSnapshot older = At(10, [Process(1, 0), Process(5, 900, starttime: 100)]);
        SystemSnapshot newer = At(12, [Process(1, 0), Process(5, 40, starttime: 1050)]);

        SnapshotRates r = SnapshotRates.Between(older, newer);

        Assert.False(r.Processes.ContainsKey(new ProcessKey(5, 100)));
        Assert.Equal(20.0, r.Processes[new ProcessKey(5, 1050)].CpuPct, 9); // 40 ticks in 2 s, not 40-900
    }

    [Fact]
    public void A_new_process_that_started_before_the_older_snapshot_has_no_rate()
    {
        // Missed by the older pass (started at 5 s, older taken at 10 s): its 800 ticks cannot be split.
        SnapshotRates r = SnapshotRates.Between(At(10, [Process(1, 0)]), At(12, [Process(1, 0), Process(6, 800, starttime: 500)]));

        Assert.False(r.Processes.ContainsKey(new ProcessKey(6, 500)));
    }

    [Fact]
    public void A_zero_interval_gives_no_rates()
    {
        SystemSnapshot s = At(10, [Process(1, 5)], Times(1, 1, 1));

        SnapshotRates r = SnapshotRates.Between(s, s with { Processes = [Process(1, 50)] });

        Assert.Empty(r.Processes);
        Assert.Null(r.Total);
        Assert.Empty(r.Cpus);
        Assert.Null(r.BusyPctTasks);
    }

    [Fact]
    public void Busy_from_tasks_sums_every_task_over_interval_times_cpus()
    {
        // Two CPUs, 2 s: 400 ticks of capacity. 100 + 60 ticks by two tasks, 40 by one started inside.
        SystemSnapshot older = At(10, [Process(1, 10), Process(2, 5, ppid: 0)], Times(0, 0, 0), Times(0, 0, 0));
        SystemSnapshot newer = At(12, [Process(1, 110), Process(2, 65, ppid: 0), Process(9, 40, starttime: 1100)], Times(0, 0, 0), Times(0, 0, 0));

        SnapshotRates r = SnapshotRates.Between(older, newer);

        Assert.Equal(50.0, r.BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void Busy_from_tasks_counts_a_reaped_child_only_for_its_time_inside_the_interval()
    {
        // Child 7 had 50 ticks at the older snapshot, ran 30 more and exited; parent 3 reaped it
        // (cutime += 80). One CPU, 1 s: the interval's busy ticks are 30, not 80.
        SystemSnapshot older = At(10, [Process(1, 0), Process(3, 100), Process(7, 50, ppid: 3)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 0), Process(3, 100, cutime: 70, cstime: 10)], Times(0, 0, 0));

        SnapshotRates r = SnapshotRates.Between(older, newer);

        Assert.Equal(30.0, r.BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void Busy_from_tasks_counts_a_child_started_and_reaped_inside_the_interval_fully()
    {
        SystemSnapshot older = At(10, [Process(1, 0, cutime: 5)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 0, cutime: 25)], Times(0, 0, 0));

        Assert.Equal(20.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void Busy_from_tasks_is_null_without_processes_or_cpu_lines()
    {
        Assert.Null(SnapshotRates.Between(At(10, [], Times(0, 0, 0)), At(11, [], Times(0, 0, 1))).BusyPctTasks);
        Assert.Null(SnapshotRates.Between(At(10, [Process(1, 0)]), At(11, [Process(1, 1)])).BusyPctTasks);
    }
}
