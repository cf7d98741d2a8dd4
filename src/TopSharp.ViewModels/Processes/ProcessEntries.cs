using TopSharp.Core.Numa;
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
        Dictionary<ProcessKey, ProcessSample>? previousThreads = threads && sample.Rates is not null && sample.Previous is { } prev
            ? ThreadsByKey(prev)
            : null;
        var entries = new List<ProcessEntry>(snap.Processes.Count);
        foreach (ProcessSample p in snap.Processes)
        {
            string user = UserName(snap, p.Uid);
            ProcessRates? rates = sample.Rates?.Processes.TryGetValue(p.Key, out ProcessRates r) == true ? r : null;
            NumaMaps? numaMaps = snap.NumaMaps.GetValueOrDefault(p.Pid);
            entries.Add(WithPlacement(new ProcessEntry(p.Key, p, p.Stat.Ppid, false, user, rates, units), numaMaps, snap.Numa));
            if (!threads || p.Threads is null) continue;
            foreach (ThreadSample t in p.Threads)
            {
                if (t.Tid == p.Pid) continue;
                ProcessSample asThread = AsThread(p, t);
                ProcessRates? threadRates = previousThreads is not null && previousThreads.TryGetValue(asThread.Key, out ProcessSample before)
                    ? ProcessLoad.Between(before, asThread, sample.Rates!.Interval, snap.ClockTicksPerSecond)
                    : null;
                entries.Add(WithPlacement(new ProcessEntry(asThread.Key, asThread, p.Pid, true, user, threadRates, units), numaMaps, snap.Numa));
            }
        }
        return entries;
    }

    /// <summary>The numa_maps read for the entry's process, and the node of the CPU the entry last ran on.</summary>
    private static ProcessEntry WithPlacement(ProcessEntry entry, NumaMaps? numaMaps, NumaSnapshot? numa) =>
        numaMaps is null ? entry : entry with { NumaMaps = numaMaps, CpuNode = numa?.NodeOfCpu(entry.Sample.Stat.Processor) };

    /// <summary>The name /etc/passwd gives the uid, else the uid as text.</summary>
    public static string UserName(SystemSnapshot snap, int uid) =>
        snap.UserNames.TryGetValue(uid, out string? name) ? name : uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A thread as a sample of its own: its stat, comm and schedstat; its process's memory, user
    /// and command line. Status, io and cgroup are per process, so they are left out.
    /// </summary>
    private static ProcessSample AsThread(in ProcessSample owner, ThreadSample t) =>
        owner with { Stat = t.Stat, Comm = t.Comm, SchedStat = t.SchedStat, Status = null, Io = null, Cgroup = null, Threads = null };

    private static Dictionary<ProcessKey, ProcessSample> ThreadsByKey(SystemSnapshot snap)
    {
        var map = new Dictionary<ProcessKey, ProcessSample>();
        foreach (ProcessSample p in snap.Processes)
            if (p.Threads is not null)
                foreach (ThreadSample t in p.Threads)
                {
                    ProcessSample thread = AsThread(p, t);
                    map[thread.Key] = thread;
                }
        return map;
    }
}
