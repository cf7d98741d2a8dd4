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
        var inGroup = new List<KeyDelta>();
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
            inGroup.Add(k);
        }
        return new GroupSyscallRates(interval, SyscallRates.BySyscallOf(inGroup, seconds), members, unknown.Count, unknownCalls / seconds);
    }
}
