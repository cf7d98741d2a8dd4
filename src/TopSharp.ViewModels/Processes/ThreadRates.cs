using TopSharp.Core.Processes;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// CPU% and RUNQ% of one thread between two samples, for thread rows. SnapshotRates covers
/// processes only; the arithmetic is the same as for a process's (see <see cref="ProcessRates"/>).
/// </summary>
internal static class ThreadRates
{
    public static ProcessRates? Between(ThreadSample older, ThreadSample newer, TimeSpan interval, int ticksPerSecond)
    {
        if (interval <= TimeSpan.Zero || ticksPerSecond <= 0) return null;
        ulong before = older.Stat.Utime + older.Stat.Stime, after = newer.Stat.Utime + newer.Stat.Stime;
        if (after < before) return null;
        double cpuPct = (after - before) / (double)ticksPerSecond / interval.TotalSeconds * 100;
        double? runqPct = older.SchedStat is { } s0 && newer.SchedStat is { } s1 && s1.RunDelayNs >= s0.RunDelayNs
            ? (s1.RunDelayNs - s0.RunDelayNs) / (interval.TotalMilliseconds * 1e6) * 100
            : null;
        return new ProcessRates(cpuPct, runqPct, null, null, null);
    }
}
