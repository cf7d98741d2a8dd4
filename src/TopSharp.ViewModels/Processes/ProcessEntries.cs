using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Processes;

/// <summary>Makes the rows' inputs from a sample: one entry per process, plus one per thread when asked.</summary>
public static class ProcessEntries
{
    /// <summary>
    /// Processes in snapshot order; with <paramref name="threads"/>, each process is followed by
    /// its threads other than the main one (the process row stands for that).
    /// </summary>
    public static List<ProcessEntry> Build(Sample sample, bool threads)
    {
        SystemSnapshot snap = sample.Snapshot;
        var units = new SnapshotUnits(snap.ClockTicksPerSecond, snap.PageSize, snap.MemInfo?.MemTotalBytes ?? 0);
        Dictionary<ProcessKey, ThreadSample>? previousThreads = threads && sample.Rates is not null && sample.Previous is { } prev
            ? ThreadsByKey(prev)
            : null;
        var entries = new List<ProcessEntry>(snap.Processes.Count);
        foreach (ProcessSample p in snap.Processes)
        {
            string user = UserName(snap, p.Uid);
            ProcessRates? rates = sample.Rates?.Processes.TryGetValue(p.Key, out ProcessRates r) == true ? r : null;
            entries.Add(new ProcessEntry(p.Key, p, p.Stat.Ppid, false, user, rates, units));
            if (!threads || p.Threads is null) continue;
            foreach (ThreadSample t in p.Threads)
            {
                if (t.Tid == p.Pid) continue;
                var key = new ProcessKey(t.Tid, t.Stat.Starttime);
                ProcessRates? threadRates = previousThreads is not null && previousThreads.TryGetValue(key, out ThreadSample? before)
                    ? ThreadRates.Between(before, t, sample.Rates!.Interval, snap.ClockTicksPerSecond)
                    : null;
                ProcessSample asThread = p with { Stat = t.Stat, Comm = t.Comm, SchedStat = t.SchedStat, Io = null, Threads = null };
                entries.Add(new ProcessEntry(key, asThread, p.Pid, true, user, threadRates, units));
            }
        }
        return entries;
    }

    /// <summary>The name /etc/passwd gives the uid, else the uid as text.</summary>
    public static string UserName(SystemSnapshot snap, int uid) =>
        snap.UserNames.TryGetValue(uid, out string? name) ? name : uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<ProcessKey, ThreadSample> ThreadsByKey(SystemSnapshot snap)
    {
        var map = new Dictionary<ProcessKey, ThreadSample>();
        foreach (ProcessSample p in snap.Processes)
            if (p.Threads is not null)
                foreach (ThreadSample t in p.Threads)
                    map[new ProcessKey(t.Tid, t.Stat.Starttime)] = t;
        return map;
    }
}
