using System.Runtime.InteropServices;
using TopSharp.Bpf.Syscalls;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>Rates as a pure function of two hand-built snapshots; names and percentiles. No kernel.</summary>
public class SyscallRatesTests
{
    private static SyscallSnapshot At(double seconds, long epoch = 1, params (int Tgid, int Nr, ulong Calls, ulong Errors, long Since)[] keys) =>
        new(epoch, TimeSpan.FromSeconds(seconds), false,
            keys.ToDictionary(k => new SyscallKey(k.Tgid, k.Nr), k => new SyscallTotals(k.Calls, k.Errors, k.Since, null)),
            new Dictionary<int, ProcessName> { [10] = new("ten", false), [20] = new("twenty", true) });

    [Fact]
    public void Rates_are_deltas_over_the_interval_busiest_first()
    {
        SyscallSnapshot older = At(1, 1, (10, 0, 100, 0, 1), (20, 0, 50, 5, 1));
        SyscallSnapshot newer = At(3, 1, (10, 0, 300, 0, 1), (20, 0, 50, 5, 1), (20, 1, 40, 20, 2));
        SyscallRates rates = SyscallRates.Between(older, newer);
        Assert.Equal(TimeSpan.FromSeconds(2), rates.Interval);
        Assert.Equal([(0, 200UL, 100.0), (1, 40UL, 20.0)], rates.BySyscall.Select(r => (r.Nr, r.Count, r.PerSec)));
        Assert.Equal(10.0, rates.BySyscall[1].ErrorsPerSec);
        Assert.Equal([10, 20], rates.ByProcess.Select(p => p.Pid));
        Assert.Equal(("twenty", true, 20.0, 10.0), (rates.ByProcess[1].Comm, rates.ByProcess[1].Exited, rates.ByProcess[1].PerSec, rates.ByProcess[1].ErrorsPerSec));
    }

    [Fact]
    public void A_key_that_restarted_counts_from_zero_and_another_epoch_shares_nothing()
    {
        SyscallSnapshot older = At(1, 1, (10, 0, 500, 0, 1));
        SyscallSnapshot restarted = At(2, 1, (10, 0, 30, 0, 7));
        Assert.Equal(30UL, SyscallRates.Between(older, restarted).BySyscall.Single().Count);
        SyscallSnapshot reloaded = At(2, 2, (10, 0, 800, 0, 1));
        Assert.Equal(800UL, SyscallRates.Between(older, reloaded).BySyscall.Single().Count);
    }

    [Fact]
    public void No_interval_means_no_rates() =>
        Assert.Same(SyscallRates.Empty, SyscallRates.Between(At(1, 1, (10, 0, 1, 0, 1)), At(1, 1, (10, 0, 2, 0, 1))));

    [Fact]
    public void Percentiles_interpolate_inside_log2_buckets()
    {
        var buckets = new ulong[SyscallSnapshot.BucketCount];
        buckets[10] = 50; // [1024, 2048)
        buckets[20] = 50; // [1 Mi, 2 Mi)
        Assert.Equal(2048, LatencyPercentile.Of(buckets, 0.50));
        Assert.Equal(1024 + 1024 * 0.2, LatencyPercentile.Of(buckets, 0.10)!.Value, 6);
        Assert.InRange(LatencyPercentile.Of(buckets, 0.99)!.Value, 1 << 20, 1 << 21);
        Assert.Null(LatencyPercentile.Of(new ulong[SyscallSnapshot.BucketCount], 0.5));
    }

    [Theory]
    [InlineData(Architecture.X64, 110, "getppid")]
    [InlineData(Architecture.X64, 231, "exit_group")]
    [InlineData(Architecture.X64, 435, "clone3")]
    [InlineData(Architecture.Arm64, 173, "getppid")]
    [InlineData(Architecture.Arm64, 56, "openat")]
    [InlineData(Architecture.Arm64, 94, "exit_group")]
    [InlineData(Architecture.X64, 4242, "syscall_4242")]
    [InlineData(Architecture.X64, 335, "syscall_335")]
    [InlineData(Architecture.X64, -1, "syscall_-1")]
    public void Names_come_from_the_generated_tables_and_unknown_numbers_show_as_syscall_N(Architecture arch, int nr, string name) =>
        Assert.Equal(name, SyscallNames.Of(nr, arch));
}
