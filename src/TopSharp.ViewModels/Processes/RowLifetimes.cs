using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// htop's highlight of new and exited processes, as a diff of consecutive samples keyed by
/// (pid, starttime): a key not seen before is New for the highlight duration; a key that is gone
/// stays as a Dead tomb (its last entry, without rates) for as long. A reused PID has another
/// start time, so it is a new process and never inherits the old one's row. Threads are not
/// tracked: showing threads would otherwise flag every one of them as new.
/// </summary>
internal sealed class RowLifetimes(TimeSpan highlight)
{
    private readonly Dictionary<ProcessKey, long> _firstSeen = [];
    private readonly Dictionary<ProcessKey, ProcessEntry> _last = [];
    private readonly Dictionary<ProcessKey, (ProcessEntry Entry, long DiedAt)> _tombs = [];
    private bool _seeded;

    /// <summary>
    /// Records <paramref name="live"/> as seen at <paramref name="now"/> and returns live entries with
    /// their New flag followed by the unexpired tombs. <paramref name="previous"/> seeds the very first
    /// call (a captured t0/t1 pair), so what changed between the two shows at once.
    /// </summary>
    public List<(ProcessEntry Entry, RowFlags Flags)> Update(IReadOnlyList<ProcessEntry> live, IReadOnlyList<ProcessEntry>? previous, DateTimeOffset now)
    {
        long t = now.UtcTicks;
        if (!_seeded)
        {
            _seeded = true;
            foreach (ProcessEntry e in previous ?? live)
                if (!e.IsThread)
                {
                    _firstSeen[e.Key] = long.MinValue;
                    _last[e.Key] = e;
                }
        }
        var liveKeys = new HashSet<ProcessKey>();
        var result = new List<(ProcessEntry, RowFlags)>(live.Count + _tombs.Count);
        foreach (ProcessEntry e in live)
        {
            if (e.IsThread)
            {
                result.Add((e, RowFlags.Thread));
                continue;
            }
            liveKeys.Add(e.Key);
            if (!_firstSeen.TryGetValue(e.Key, out long first))
            {
                first = t;
                _firstSeen[e.Key] = t;
            }
            _last[e.Key] = e;
            result.Add((e, t - first < highlight.Ticks && first != long.MinValue ? RowFlags.New : RowFlags.None));
        }
        foreach (ProcessKey gone in _firstSeen.Keys.Where(k => !liveKeys.Contains(k)).ToList())
        {
            _tombs[gone] = (_last[gone] with { Rates = null }, t);
            _firstSeen.Remove(gone);
            _last.Remove(gone);
        }
        foreach (var (key, tomb) in _tombs.ToList())
        {
            if (t - tomb.DiedAt >= highlight.Ticks && tomb.DiedAt != t) _tombs.Remove(key);
            else result.Add((tomb.Entry, RowFlags.Dead));
        }
        return result;
    }
}
