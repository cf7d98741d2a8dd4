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
        List<KeyDelta> perKey = Deltas(older, newer);

        var byProcess = perKey.GroupBy(k => k.Key.Tgid).Select(g =>
        {
            ProcessName name = newer.Names.GetValueOrDefault(g.Key, new ProcessName("?", false));
            var top = g.OrderByDescending(k => k.Calls).ThenBy(k => k.Key.Nr).Take(topPerProcess)
                .Select(k => Rate(k.Key.Nr, k.Calls, k.Errors, k.Buckets, seconds)).ToList();
            return new ProcessSyscallRates(g.Key, name.Comm, name.Exited, Sum(g.Select(k => k.Calls)) / seconds, Sum(g.Select(k => k.Errors)) / seconds, top);
        }).OrderByDescending(p => p.PerSec).ThenBy(p => p.Pid).ToList();

        return new SyscallRates(interval, BySyscallOf(perKey, seconds), byProcess);
    }

    /// <summary>
    /// Per syscall, the calls and errors of <paramref name="keys"/> summed, and their latency buckets summed
    /// before p50/p99 are read from them (the whole machine's, or a group's); busiest first.
    /// </summary>
    internal static List<SyscallRate> BySyscallOf(IEnumerable<KeyDelta> keys, double seconds)
    {
        var bySyscall = new Dictionary<int, (ulong Calls, ulong Errors, ulong[]? Buckets)>();
        foreach (KeyDelta k in keys)
        {
            (ulong calls, ulong errors, ulong[]? buckets) = bySyscall.GetValueOrDefault(k.Key.Nr);
            bySyscall[k.Key.Nr] = (calls + k.Calls, errors + k.Errors, AddBuckets(buckets, k.Buckets));
        }
        return bySyscall
            .Select(s => Rate(s.Key, s.Value.Calls, s.Value.Errors, s.Value.Buckets, seconds))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Nr).ToList();
    }

    /// <summary>The bucket-wise sum; a key whose calls were not timed adds nothing.</summary>
    private static ulong[]? AddBuckets(ulong[]? sum, ulong[]? more)
    {
        if (more is null) return sum;
        sum ??= new ulong[more.Length];
        if (sum.Length < more.Length) Array.Resize(ref sum, more.Length);
        for (int s = 0; s < more.Length; s++) sum[s] += more[s];
        return sum;
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

    private static SyscallRate Rate(int nr, ulong calls, ulong errors, ulong[]? buckets, double seconds) =>
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
