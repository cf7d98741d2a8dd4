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
        for (int i = 0; i < matches.Newer.Count; i++)
        {
            ProcessSample p = matches.Newer[i];
            if (matches.TryOlder(i, out ProcessSample before))
            {
                if (Counter.TryDelta(Own(before), Own(p), out ulong own)) ticks += own;
                if (Counter.TryDelta(Children(before), Children(p), out ulong children) && children > 0) reaped[p.Pid] = (long)children;
            }
            else if (matches.StartedInside(i))
            {
                ticks += Own(p) + Children(p);
            }
        }
        SubtractCountedTime(matches, reaped);
        foreach (long children in reaped.Values)
            if (children > 0) ticks += (ulong)children;

        return ticks * 100.0 / ticksPerSecond / interval.TotalSeconds / cpus;
    }

    /// <summary>
    /// Takes each vanished process's already-counted ticks off the reaped delta that holds them.
    /// A child whose parent lived on was reaped by that parent (kernel/exit.c, wait_task_zombie adds
    /// the child's whole life to the reaper's cutime/cstime). A child whose parent vanished too went
    /// up the older snapshot's tree: reaped by its parent and then with it, or orphaned to the nearest
    /// subreaper or the namespace's init, all ancestors; its ticks come off the nearest surviving
    /// ancestors' deltas, as far as each has any left, after the direct children took theirs.
    /// </summary>
    private static void SubtractCountedTime(ProcessMatches matches, Dictionary<int, long> reaped)
    {
        var olderByPid = new Dictionary<int, int>(matches.OlderSamples.Count);
        for (int i = 0; i < matches.OlderSamples.Count; i++) olderByPid[matches.OlderSamples[i].Pid] = i;

        List<int>? orphans = null;
        for (int i = 0; i < matches.OlderSamples.Count; i++)
        {
            if (!matches.Vanished(i)) continue;
            ProcessSample gone = matches.OlderSamples[i];
            if (olderByPid.TryGetValue(gone.Stat.Ppid, out int parent) && !matches.Vanished(parent))
            {
                if (reaped.TryGetValue(gone.Stat.Ppid, out long added)) reaped[gone.Stat.Ppid] = added - (long)Counted(gone);
            }
            else (orphans ??= []).Add(i);
        }
        if (orphans is null) return;

        foreach (int i in orphans)
        {
            long rest = (long)Counted(matches.OlderSamples[i]);
            int ancestor = i;
            // A bound on the walk: a tree read over a whole pass could hold a parent loop.
            for (int step = 0; rest > 0 && step < matches.OlderSamples.Count; step++)
            {
                if (!olderByPid.TryGetValue(matches.OlderSamples[ancestor].Stat.Ppid, out ancestor)) break;
                int pid = matches.OlderSamples[ancestor].Pid;
                if (matches.Vanished(ancestor) || !reaped.TryGetValue(pid, out long left) || left <= 0) continue;
                long taken = Math.Min(left, rest);
                reaped[pid] = left - taken;
                rest -= taken;
            }
        }
    }

    private static ulong Own(in ProcessSample p) => p.Stat.Utime + p.Stat.Stime;

    private static ulong Children(in ProcessSample p) => p.Stat.Cutime + p.Stat.Cstime;

    /// <summary>What the older snapshot already counted for a process: its own time and its reaped children's.</summary>
    private static ulong Counted(in ProcessSample p) => Own(p) + Children(p);
}
