using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Accuracy.TickEvasionTests;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The sched_switch program against tickevader (see <see cref="TickEvasionTests"/>) on CPU 1:
/// <c>cpus[1].busy_pct_sched</c> must be tickevader's true use plus CPU 1's other load, within
/// 3 points, whichever side of the tick its work falls on, while <c>cpus[1].busy_pct</c>
/// (/proc/stat, what top and htop show) is not. CPU 1's other load is at least 0 and at most the
/// whole machine's other load: the tasks' own accounting (ns-exact in sum, <c>busy_pct_tasks</c>)
/// less tickevader's use, which the quiet-machine wait keeps to a few points.
/// </summary>
[Collection(AccuracyCollection.Name)]
public sealed class SchedTickEvasionTests
{
    private const double Tolerance = 3;

    [SkippableFact]
    public void Sched_figure_counts_a_process_sleeping_across_every_tick_which_proc_stat_misses()
    {
        Requires.Root("attaches the sched_switch BPF program (or CAP_BPF + CAP_PERFMON)");
        Measurement m = Measure(onTick: false);

        AssertSchedMatches(m);
        Assert.True(m.Report.CpuBusyPct(Cpu) < m.TruePct - Tolerance, $"/proc/stat should miss it on cpus[{Cpu}]: {m}");
    }

    [SkippableFact]
    public void Sched_figure_counts_a_process_busy_across_every_tick_which_proc_stat_overstates()
    {
        Requires.Root("attaches the sched_switch BPF program (or CAP_BPF + CAP_PERFMON)");
        Measurement m = Measure(onTick: true);

        AssertSchedMatches(m);
        Assert.True(m.Report.CpuBusyPct(Cpu) > m.TruePct + OtherLoadPct(m) + Tolerance, $"/proc/stat should overstate it on cpus[{Cpu}]: {m}");
    }

    /// <summary>Everything but tickevader, in points of one CPU: Σ tasks' busy over all CPUs less its use.</summary>
    private static double OtherLoadPct(Measurement m) =>
        Math.Max(0, m.Report.TotalBusyPctTasks * m.Report.CpuCount - m.TruePct);

    private static void AssertSchedMatches(Measurement m)
    {
        double sched = m.Report.CpuBusyPctSched(Cpu), other = OtherLoadPct(m);
        Assert.True(sched >= m.TruePct - Tolerance && sched <= m.TruePct + other + Tolerance,
            $"cpus[{Cpu}].busy_pct_sched {sched:F1} should be within {Tolerance} of its true {m.TruePct:F1} plus CPU {Cpu}'s other load (0..{other:F1}): {m}");
    }
}
