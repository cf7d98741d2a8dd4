using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Header;

/// <summary>
/// A CPU meter when the sched_switch program is attached: its busy total is the program's
/// (nanoseconds at every switch), while the split into user, system, irq… can only come from
/// /proc/stat's ticks, so those shares are scaled to add up to it.
/// </summary>
public static class SchedShares
{
    /// <summary>
    /// <paramref name="ticks"/> with Busy = <paramref name="busyPct"/>: each busy part × busyPct / ticks.Busy, and
    /// idle and iowait sharing the rest in their tick proportion. When no tick fell on busy time (a task
    /// that sleeps across every tick), the whole busy share is drawn as user: such a task is a user process.
    /// </summary>
    public static CpuPercent WithBusy(in CpuPercent ticks, double busyPct)
    {
        double rest = 100 - busyPct, idleTicks = ticks.Idle + ticks.Iowait;
        double idle = idleTicks > 0 ? ticks.Idle * rest / idleTicks : rest;
        double iowait = idleTicks > 0 ? ticks.Iowait * rest / idleTicks : 0;
        if (ticks.Busy <= 0)
            return new CpuPercent(busyPct, 0, 0, idle, iowait, 0, 0, 0, 0, busyPct);
        double scale = busyPct / ticks.Busy;
        return new CpuPercent(
            ticks.User * scale, ticks.Nice * scale, ticks.System * scale, idle, iowait,
            ticks.Irq * scale, ticks.Softirq * scale, ticks.Steal * scale, ticks.Guest * scale, busyPct);
    }

    /// <summary>The share a meter shows for <paramref name="cpu"/>: scaled to the sched figure when there is one.</summary>
    public static CpuPercent ForCpu(SnapshotRates rates, int cpu, in CpuPercent ticks)
    {
        foreach ((int c, double busy) in rates.CpusSched)
            if (c == cpu) return WithBusy(ticks, busy);
        return ticks;
    }
}
