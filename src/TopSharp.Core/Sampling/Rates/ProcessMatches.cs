using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Pairs the processes of two snapshots by (pid, starttime), so a reused PID is a new process,
/// and tells which unpaired newer processes started inside the interval. Built once per pair.
/// </summary>
internal sealed class ProcessMatches
{
    /// <summary>For each newer process, the index of the same process in the older snapshot, or -1.</summary>
    private readonly int[] _olderOf;
    /// <summary>For each older process, whether it is in the newer snapshot.</summary>
    private readonly bool[] _olderStayed;
    /// <summary>older's /proc/uptime in USER_HZ ticks: starttime counts from boot in the same clock.</summary>
    private readonly double? _olderUptimeTicks;

    public ProcessMatches(SystemSnapshot older, SystemSnapshot newer)
    {
        OlderSamples = older.Processes;
        Newer = newer.Processes;
        var index = new Dictionary<ProcessKey, int>(OlderSamples.Count);
        for (int i = 0; i < OlderSamples.Count; i++) index[OlderSamples[i].Key] = i;
        _olderOf = new int[Newer.Count];
        _olderStayed = new bool[OlderSamples.Count];
        for (int i = 0; i < Newer.Count; i++)
        {
            _olderOf[i] = index.TryGetValue(Newer[i].Key, out int o) ? o : -1;
            if (_olderOf[i] >= 0) _olderStayed[_olderOf[i]] = true;
        }
        _olderUptimeTicks = older.Uptime?.UptimeSeconds * newer.ClockTicksPerSecond;
    }

    public IReadOnlyList<ProcessSample> OlderSamples { get; }
    public IReadOnlyList<ProcessSample> Newer { get; }

    /// <summary>The same process as <c>Newer[newerIndex]</c> in the older snapshot, if it was there.</summary>
    public bool TryOlder(int newerIndex, out ProcessSample older)
    {
        int o = _olderOf[newerIndex];
        older = o >= 0 ? OlderSamples[o] : default;
        return o >= 0;
    }

    /// <summary><c>OlderSamples[olderIndex]</c> is absent from the newer snapshot: it exited (or its PID was reused).</summary>
    public bool Vanished(int olderIndex) => !_olderStayed[olderIndex];

    /// <summary>
    /// <c>Newer[newerIndex]</c> was not in the older snapshot and started after it was taken. A
    /// process the older pass merely missed started before, and its counters cannot be split: no rate.
    /// </summary>
    public bool StartedInside(int newerIndex) =>
        _olderOf[newerIndex] < 0 && _olderUptimeTicks is { } since && Newer[newerIndex].Stat.Starttime >= since;
}
