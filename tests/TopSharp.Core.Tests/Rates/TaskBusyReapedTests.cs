using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Core.Tests.Rates;

/// <summary>
/// busy_pct_tasks when children are reaped by someone other than the parent the older snapshot
/// names. One CPU, 1 s: 100 ticks of capacity, so ticks read as percent.
/// </summary>
public class TaskBusyReapedTests
{
    [Fact]
    public void An_orphan_reaped_by_init_counts_only_its_time_inside_the_interval()
    {
        // Shell 3 runs parent 5, which forks child 7 (500 ticks so far). Inside the interval 5 runs
        // 2 more ticks and exits (3 reaps it: cutime 4); 7 is orphaned to init, runs 30 more and is
        // reaped there (init's cutime += 530). Busy: 2 + 30.
        SystemSnapshot older = At(10, [Process(1, 0), Process(3, 0), Process(5, 2, ppid: 3), Process(7, 500, ppid: 5)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 0, cutime: 530), Process(3, 0, cutime: 4)], Times(0, 0, 0));

        Assert.Equal(32.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void An_orphan_reaped_by_a_subreaper_counts_only_its_time_inside_the_interval()
    {
        // Subreaper 2 runs parent 5, which forks child 7; 5 exits, 7 is orphaned to 2, and 2 reaps
        // both: cutime += 4 (5's life) + 530 (7's life, of which 500 counted already).
        SystemSnapshot older = At(10, [Process(1, 0), Process(2, 0), Process(5, 2, ppid: 2), Process(7, 500, ppid: 5)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 0), Process(2, 0, cutime: 534)], Times(0, 0, 0));

        Assert.Equal(32.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void A_grandchild_reaped_by_a_child_that_exits_too_counts_only_its_time_inside_the_interval()
    {
        // 3 → 5 (100 ticks, cutime 10) → 7 (200 ticks). 7 runs 20 more and 5 reaps it (cutime 230),
        // 5 runs 10 more and 3 reaps it: cutime += 110 + 230.
        SystemSnapshot older = At(10, [Process(3, 0), Process(5, 100, ppid: 3, cutime: 10), Process(7, 200, ppid: 5)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(3, 0, cutime: 340)], Times(0, 0, 0));

        Assert.Equal(30.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void A_lost_child_takes_nothing_from_its_grandparents_reaped_time()
    {
        // 7 vanishes while its parent 3 lives on and reaps nothing (a parent that ignores SIGCHLD):
        // its 500 counted ticks stay with 3 and leave init's 20 reaped ticks alone.
        SystemSnapshot older = At(10, [Process(1, 0), Process(3, 0), Process(7, 500, ppid: 3)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 0, cutime: 20), Process(3, 0)], Times(0, 0, 0));

        Assert.Equal(20.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }

    [Fact]
    public void An_orphans_counted_time_takes_no_ancestor_below_zero()
    {
        // 7 (500 counted) vanished with its parent 5 and nobody reaped it: it can take 5's 2 ticks
        // inside the interval from shell 3, and nothing below zero; init's own 10 ticks still count.
        SystemSnapshot older = At(10, [Process(1, 0), Process(3, 0), Process(5, 2, ppid: 3), Process(7, 500, ppid: 5)], Times(0, 0, 0));
        SystemSnapshot newer = At(11, [Process(1, 10), Process(3, 0, cutime: 4)], Times(0, 0, 0));

        Assert.Equal(10.0, SnapshotRates.Between(older, newer).BusyPctTasks!.Value, 9);
    }
}
