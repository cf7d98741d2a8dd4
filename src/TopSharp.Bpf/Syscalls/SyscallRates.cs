namespace TopSharp.Bpf.Syscalls;

/// <summary>One syscall's rates over an interval: system-wide, or one process's.</summary>
public sealed record SyscallRate(int Nr, string Name, ulong Count, double PerSec, ulong Errors, double ErrorsPerSec, double? P50Ns, double? P99Ns);

/// <summary>A process's syscall rates over an interval and its busiest syscalls.</summary>
public sealed record ProcessSyscallRates(int Pid, string Comm, bool Exited, double PerSec, double ErrorsPerSec, IReadOnlyList<SyscallRate> Top);

/// <summary>One key's calls, errors and latency buckets (null when not timed) over an interval.</summary>
internal readonly record struct KeyDelta(SyscallKey Key, ulong Calls, ulong Errors, ulong[]? Buckets);

/// <summary>
/// Rates between two <see cref="SyscallSnapshot"/>s: a pure function, no clock, no kernel. Sorted busiest first.
/// A key absent from the older snapshot, or restarted since (<see cref="SyscallTotals.Since"/>), counts from zero.
/// </summary>
public sealed record SyscallRates(TimeSpan Interval, IReadOnlyList<SyscallRate> BySyscall, IReadOnlyList<ProcessSyscallRates> ByProcess)
{
    public static SyscallRates Empty { get; } = new(TimeSpan.Zero, [], []);

    public static SyscallRates Between(SyscallSnapshot older, SyscallSnapshot newer, int topPerProcess = 5)
    {
        TimeSpan interval = newer.Timestamp - older.Timestamp;
        if (interval <= TimeSpan.Zero) return Empty;
        double seconds = interval.TotalSeconds;
        bool sameEpoch = older.Epoch == newer.Epoch;
        List<KeyDelta> perKey = Deltas(older, newer);

        var bySyscall = perKey.GroupBy(k => k.Key.Nr).Select(g =>
        {
            ulong calls = Sum(g.Select(k => k.Calls)), errors = Sum(g.Select(k => k.Errors));
            ulong[]? buckets = Delta(sameEpoch ? older.SystemBuckets.GetValueOrDefault(g.Key) : null, newer.SystemBuckets.GetValueOrDefault(g.Key));
            return Rate(g.Key, calls, errors, buckets, seconds);
        }).OrderByDescending(r => r.Count).ThenBy(r => r.Nr).ToList();

        var byProcess = perKey.GroupBy(k => k.Key.Tgid).Select(g =>
        {
            ProcessName name = newer.Names.GetValueOrDefault(g.Key, new ProcessName("?", false));
            var top = g.OrderByDescending(k => k.Calls).ThenBy(k => k.Key.Nr).Take(topPerProcess)
                .Select(k => Rate(k.Key.Nr, k.Calls, k.Errors, k.Buckets, seconds)).ToList();
            return new ProcessSyscallRates(g.Key, name.Comm, name.Exited, Sum(g.Select(k => k.Calls)) / seconds, Sum(g.Select(k => k.Errors)) / seconds, top);
        }).OrderByDescending(p => p.PerSec).ThenBy(p => p.Pid).ToList();

        return new SyscallRates(interval, bySyscall, byProcess);
    }

    /// <summary>Each key's calls, errors and latency buckets over the interval; keys with no call left out.</summary>
    internal static List<KeyDelta> Deltas(SyscallSnapshot older, SyscallSnapshot newer)
    {
        bool sameEpoch = older.Epoch == newer.Epoch;
        var perKey = new List<KeyDelta>();
        foreach ((SyscallKey key, SyscallTotals now) in newer.ByKey)
        {
            SyscallTotals? then = sameEpoch && older.ByKey.TryGetValue(key, out SyscallTotals? t) && t.Since == now.Since ? t : null;
            ulong calls = now.Calls - Math.Min(now.Calls, then?.Calls ?? 0);
            ulong errors = now.Errors - Math.Min(now.Errors, then?.Errors ?? 0);
            ulong[]? buckets = Delta(then?.Buckets, now.Buckets);
            if (calls > 0 || errors > 0) perKey.Add(new KeyDelta(key, calls, errors, buckets));
        }
        return perKey;
    }

    internal static SyscallRate Rate(int nr, ulong calls, ulong errors, ulong[]? buckets, double seconds) =>
        new(nr, SyscallNames.Of(nr), calls, calls / seconds, errors, errors / seconds,
            buckets is null ? null : LatencyPercentile.Of(buckets, 0.50),
            buckets is null ? null : LatencyPercentile.Of(buckets, 0.99));

    /// <summary>newer − older per bucket; null without newer buckets or when nothing was timed in between.</summary>
    private static ulong[]? Delta(ulong[]? older, ulong[]? newer)
    {
        if (newer is null) return null;
        var delta = new ulong[newer.Length];
        bool any = false;
        for (int s = 0; s < newer.Length; s++)
        {
            ulong before = older is not null && s < older.Length ? older[s] : 0;
            delta[s] = newer[s] >= before ? newer[s] - before : 0;
            any |= delta[s] > 0;
        }
        return any ? delta : null;
    }

    private static ulong Sum(IEnumerable<ulong> values)
    {
        ulong sum = 0;
        foreach (ulong v in values) sum += v;
        return sum;
    }
}
