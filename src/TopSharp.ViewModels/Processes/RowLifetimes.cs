using System.Runtime.InteropServices;
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
    /// <summary>First seen (UTC ticks; long.MinValue = before we started), last entry, and the pass that last saw it.</summary>
    private record struct Seen(long First, ProcessEntry Last, int Pass);

    private readonly Dictionary<ProcessKey, Seen> _seen = [];
    private readonly Dictionary<ProcessKey, (ProcessEntry Entry, long DiedAt)> _tombs = [];
    private readonly List<ProcessKey> _gone = [];
    private int _pass;

    /// <summary>
    /// Records <paramref name="live"/> as seen at <paramref name="now"/> and returns live entries with
    /// their New flag followed by the unexpired tombs. <paramref name="previous"/> seeds the very first
    /// call (a captured t0/t1 pair), so what changed between the two shows at once; it is not called after.
    /// </summary>
    public List<(ProcessEntry Entry, RowFlags Flags)> Update(IReadOnlyList<ProcessEntry> live, Func<IReadOnlyList<ProcessEntry>?> previous, DateTimeOffset now)
    {
        long t = now.UtcTicks;
        if (_pass++ == 0)
            foreach (ProcessEntry e in previous() ?? live)
                if (!e.IsThread) _seen[e.Key] = new Seen(long.MinValue, e, 0);

        var result = new List<(ProcessEntry, RowFlags)>(live.Count + _tombs.Count);
        foreach (ProcessEntry e in live)
        {
            if (e.IsThread)
            {
                result.Add((e, RowFlags.Thread));
                continue;
            }
            ref Seen seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, e.Key, out bool known);
            long first = known ? seen.First : t;
            seen = new Seen(first, e, _pass);
            bool isNew = first != long.MinValue && t - first < highlight.Ticks;
            result.Add((e, isNew ? RowFlags.New : RowFlags.None));
        }

        _gone.Clear();
        foreach (var (key, seen) in _seen)
            if (seen.Pass != _pass) _gone.Add(key);
        foreach (ProcessKey key in _gone)
        {
            _tombs[key] = (_seen[key].Last with { Rates = null }, t);
            _seen.Remove(key);
        }

        _gone.Clear();
        foreach (var (key, tomb) in _tombs)
        {
            if (tomb.DiedAt != t && t - tomb.DiedAt >= highlight.Ticks) _gone.Add(key);
            else result.Add((tomb.Entry, RowFlags.Dead));
        }
        foreach (ProcessKey key in _gone) _tombs.Remove(key);
        return result;
    }
}
