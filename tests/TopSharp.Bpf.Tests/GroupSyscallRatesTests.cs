using TopSharp.Bpf.Syscalls;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>A group's syscalls (a cgroup's members) as a pure function of two hand-built snapshots and a membership test.</summary>
public class GroupSyscallRatesTests
{
    private const int Getppid = 110, Read = 0;

    private static SyscallSnapshot At(double seconds, params (int Tgid, int Nr, ulong Calls, ulong Errors, ulong[]? Buckets)[] keys) =>
        new(1, TimeSpan.FromSeconds(seconds), true,
            keys.ToDictionary(k => new SyscallKey(k.Tgid, k.Nr), k => new SyscallTotals(k.Calls, k.Errors, 1, k.Buckets)),
            new Dictionary<int, ProcessName>());

    /// <summary>10 and 11 are members, 20 is outside, 30 was never seen.</summary>
    private static Membership Of(int tgid) => tgid switch
    {
        10 or 11 => Membership.Member,
        20 => Membership.Outside,
        _ => Membership.Unknown,
    };

    private static ulong[] Buckets(params (int Slot, ulong Count)[] counts)
    {
        var b = new ulong[SyscallSnapshot.BucketCount];
        foreach ((int slot, ulong count) in counts) b[slot] = count;
        return b;
    }

    [Fact]
    public void Members_are_summed_per_syscall_and_outsiders_left_out()
    {
        SyscallSnapshot older = At(1, (10, Getppid, 100, 0, null), (11, Getppid, 0, 0, null), (20, Getppid, 5_000, 0, null));
        SyscallSnapshot newer = At(3, (10, Getppid, 300, 0, null), (11, Getppid, 200, 0, null), (11, Read, 60, 40, null),
            (20, Getppid, 9_000, 0, null), (20, Read, 7_000, 0, null));

        GroupSyscallRates rates = GroupSyscallRates.Between(older, newer, Of);

        Assert.Equal(TimeSpan.FromSeconds(2), rates.Interval);
        Assert.Equal([("getppid", 400UL, 200.0, 0.0), ("read", 60UL, 30.0, 20.0)],
            rates.BySyscall.Select(r => (r.Name, r.Count, r.PerSec, r.ErrorsPerSec)));
        Assert.Equal([10, 11], rates.Members.Order());
        Assert.Equal((0, 0.0), (rates.UnknownProcesses, rates.UnknownPerSec));
        Assert.All(rates.BySyscall, r => Assert.Null(r.P50Ns));   // not timed
    }

    [Fact]
    public void Processes_of_unknown_membership_are_counted_apart()
    {
        SyscallSnapshot older = At(0);
        SyscallSnapshot newer = At(2, (10, Getppid, 10, 0, null), (30, Getppid, 500, 0, null), (30, Read, 100, 0, null), (31, Read, 40, 0, null));

        GroupSyscallRates rates = GroupSyscallRates.Between(older, newer, Of);

        Assert.Equal(10UL, rates.BySyscall.Single().Count);
        Assert.Equal((2, 320.0), (rates.UnknownProcesses, rates.UnknownPerSec));
    }

    [Fact]
    public void Latency_percentiles_come_from_the_members_buckets_summed()
    {
        // 10: 98 fast getppids (bucket 10: 1-2 µs); 11: 2 slow ones (bucket 20: 1-2 ms); 20, outside, 1000 very slow ones.
        SyscallSnapshot older = At(0, (10, Getppid, 0, 0, Buckets()), (11, Getppid, 0, 0, Buckets()));
        SyscallSnapshot newer = At(1, (10, Getppid, 98, 0, Buckets((10, 98))), (11, Getppid, 2, 0, Buckets((20, 2))),
            (20, Getppid, 1_000, 0, Buckets((30, 1_000))));

        SyscallRate getppid = GroupSyscallRates.Between(older, newer, Of).BySyscall.Single();

        ulong[] summed = Buckets((10, 98), (20, 2));
        Assert.Equal(LatencyPercentile.Of(summed, 0.50), getppid.P50Ns);
        Assert.Equal(LatencyPercentile.Of(summed, 0.99), getppid.P99Ns);
        Assert.InRange(getppid.P50Ns!.Value, 1024, 2048);
        Assert.InRange(getppid.P99Ns!.Value, 1 << 20, 1 << 21);   // the slow member's, not the outsider's 1 s
    }

    [Fact]
    public void A_member_that_was_not_timed_adds_calls_but_no_latency()
    {
        SyscallSnapshot newer = At(1, (10, Getppid, 50, 0, null), (11, Getppid, 50, 0, Buckets((12, 50))));

        SyscallRate getppid = GroupSyscallRates.Between(At(0), newer, Of).BySyscall.Single();

        Assert.Equal(100UL, getppid.Count);
        Assert.InRange(getppid.P99Ns!.Value, 4096, 8192);
    }

    [Fact]
    public void No_interval_means_no_rates() =>
        Assert.Same(GroupSyscallRates.Empty, GroupSyscallRates.Between(At(1), At(1, (10, Getppid, 1, 0, null)), Of));
}
