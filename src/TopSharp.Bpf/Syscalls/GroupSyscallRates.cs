namespace TopSharp.Bpf.Syscalls;

/// <summary>Whether a process is one of a group's (a cgroup's) members: yes, no, or not known (nothing says where it was).</summary>
public enum Membership { Member, Outside, Unknown }

/// <summary>
/// A group of processes' syscalls over an interval, such as a cgroup's members: per syscall, the members' calls and
/// errors summed, and their per-process latency buckets summed before p50/p99 are read from them. Sorted busiest first.
/// Processes whose membership is <see cref="Membership.Unknown"/> are left out, and counted so the pane can say so.
/// </summary>
/// <param name="Members">The members (tgids) that made at least one syscall in the interval.</param>
/// <param name="UnknownProcesses">Processes that made syscalls but whose membership is unknown, left out.</param>
/// <param name="UnknownPerSec">Their calls per second.</param>
public sealed record GroupSyscallRates(
    TimeSpan Interval, IReadOnlyList<SyscallRate> BySyscall, IReadOnlyCollection<int> Members, int UnknownProcesses, double UnknownPerSec)
{
    public static GroupSyscallRates Empty { get; } = new(TimeSpan.Zero, [], [], 0, 0);

    /// <summary>A pure function of two snapshots and a membership test on tgids, as <see cref="SyscallRates.Between"/>.</summary>
    public static GroupSyscallRates Between(SyscallSnapshot older, SyscallSnapshot newer, Func<int, Membership> membership)
    {
        TimeSpan interval = newer.Timestamp - older.Timestamp;
        if (interval <= TimeSpan.Zero) return Empty;
        double seconds = interval.TotalSeconds;

        var members = new HashSet<int>();
        var unknown = new HashSet<int>();
        ulong unknownCalls = 0;
        var bySyscall = new Dictionary<int, (ulong Calls, ulong Errors, ulong[]? Buckets)>();
        foreach (KeyDelta k in SyscallRates.Deltas(older, newer))
        {
            switch (membership(k.Key.Tgid))
            {
                case Membership.Unknown:
                    unknown.Add(k.Key.Tgid);
                    unknownCalls += k.Calls;
                    continue;
                case Membership.Outside:
                    continue;
            }
            members.Add(k.Key.Tgid);
            (ulong calls, ulong errors, ulong[]? buckets) = bySyscall.GetValueOrDefault(k.Key.Nr);
            bySyscall[k.Key.Nr] = (calls + k.Calls, errors + k.Errors, Add(buckets, k.Buckets));
        }

        var rates = bySyscall
            .Select(s => SyscallRates.Rate(s.Key, s.Value.Calls, s.Value.Errors, s.Value.Buckets, seconds))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Nr).ToList();
        return new GroupSyscallRates(interval, rates, members, unknown.Count, unknownCalls / seconds);
    }

    /// <summary>The bucket-wise sum; a member whose calls were not timed adds nothing.</summary>
    private static ulong[]? Add(ulong[]? sum, ulong[]? more)
    {
        if (more is null) return sum;
        sum ??= new ulong[more.Length];
        if (sum.Length < more.Length) Array.Resize(ref sum, more.Length);
        for (int s = 0; s < more.Length; s++) sum[s] += more[s];
        return sum;
    }
}
