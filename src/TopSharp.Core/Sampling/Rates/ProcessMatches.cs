using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Pairs the processes of two snapshots by (pid, starttime), so a reused PID is a new process,
/// and tells which unpaired newer processes started inside the interval.
/// </summary>
internal sealed class ProcessMatches
{
    private readonly Dictionary<ProcessKey, ProcessSample> _older;
    private readonly HashSet<ProcessKey> _newer;
    /// <summary>older's /proc/uptime in USER_HZ ticks: starttime counts from boot in the same clock.</summary>
    private readonly double? _olderUptimeTicks;

    public ProcessMatches(SystemSnapshot older, SystemSnapshot newer)
    {
        _older = new Dictionary<ProcessKey, ProcessSample>(older.Processes.Count);
        foreach (ProcessSample p in older.Processes) _older[p.Key] = p;
        _newer = new HashSet<ProcessKey>(newer.Processes.Count);
        foreach (ProcessSample p in newer.Processes) _newer.Add(p.Key);
        _olderUptimeTicks = older.Uptime?.UptimeSeconds * newer.ClockTicksPerSecond;
        OlderSamples = older.Processes;
        Newer = newer.Processes;
    }

    public IReadOnlyList<ProcessSample> OlderSamples { get; }
    public IReadOnlyList<ProcessSample> Newer { get; }

    /// <summary>The same process in the older snapshot, if it was there.</summary>
    public ProcessSample? Older(in ProcessSample newer) => _older.TryGetValue(newer.Key, out ProcessSample p) ? p : null;

    /// <summary>An older process absent from the newer snapshot: it exited (or its PID was reused).</summary>
    public bool Vanished(in ProcessSample older) => !_newer.Contains(older.Key);

    /// <summary>
    /// Not in the older snapshot and started after it was taken. A process that was merely
    /// missed by the older pass started before, and its counters cannot be split: no rate.
    /// </summary>
    public bool StartedInside(in ProcessSample newer) =>
        !_older.ContainsKey(newer.Key) && _olderUptimeTicks is { } since && newer.Stat.Starttime >= since;
}
