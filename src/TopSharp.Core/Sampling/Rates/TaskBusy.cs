using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// The machine's busy share from the tasks' own CPU time (proc(5): utime, stime, cutime, cstime),
/// as a check on /proc/stat's tick-sampled shares.
/// </summary>
internal static class TaskBusy
{
    /// <summary>
    /// Σ Δ(utime+stime) of every process present in both snapshots, plus all the time of those that
    /// started inside the interval, plus what parents' Δ(cutime+cstime) says their reaped children
    /// spent inside the interval (the whole lives they add, less what the older snapshot had already
    /// counted for them), over interval × CPUs, in percent.
    /// </summary>
    public static double? Between(ProcessMatches matches, TimeSpan interval, int ticksPerSecond, int cpus)
    {
        if (matches.OlderSamples.Count == 0 || matches.Newer.Count == 0 || cpus <= 0 || ticksPerSecond <= 0) return null;

        // Per parent PID: ticks its reaped children added, less their ticks already counted.
        var reaped = new Dictionary<int, long>();
        ulong ticks = 0;
        foreach (ProcessSample p in matches.Newer)
        {
            if (matches.Older(p) is { } before)
            {
                if (Counter.TryDelta(Own(before), Own(p), out ulong own)) ticks += own;
                if (Counter.TryDelta(Children(before), Children(p), out ulong children)) reaped[p.Pid] = (long)children;
            }
            else if (matches.StartedInside(p))
            {
                ticks += Own(p) + Children(p);
            }
        }
        foreach (ProcessSample gone in matches.OlderSamples)
            if (matches.Vanished(gone) && reaped.TryGetValue(gone.Stat.Ppid, out long added))
                reaped[gone.Stat.Ppid] = added - (long)(Own(gone) + Children(gone));
        foreach (long children in reaped.Values)
            if (children > 0) ticks += (ulong)children;

        return ticks * 100.0 / ticksPerSecond / interval.TotalSeconds / cpus;
    }

    private static ulong Own(in ProcessSample p) => p.Stat.Utime + p.Stat.Stime;

    private static ulong Children(in ProcessSample p) => p.Stat.Cutime + p.Stat.Cstime;
}
