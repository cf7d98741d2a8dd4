namespace TopSharp.Bpf.Syscalls;

/// <summary>A process's syscall, as the kernel program keys its counters.</summary>
public readonly record struct SyscallKey(int Tgid, int Nr);

/// <summary>
/// Counters of one (tgid, nr) since drain number <see cref="Since"/> of the tracer that read them: when two
/// snapshots disagree on Since the counters restarted in between (the key went idle and was forgotten).
/// <see cref="Buckets"/>: log2-ns latency counts (null when latency was never on for it).
/// </summary>
public sealed record SyscallTotals(ulong Calls, ulong Errors, long Since, ulong[]? Buckets);

/// <summary>
/// Cumulative syscall counters at one instant: rates come from two of these
/// (<see cref="SyscallRates.Between"/>), as /proc counters do. <see cref="Epoch"/> identifies the loaded
/// programs: counters of different epochs are not comparable.
/// </summary>
public sealed record SyscallSnapshot(
    long Epoch,
    TimeSpan Timestamp,
    bool Latency,
    IReadOnlyDictionary<SyscallKey, SyscallTotals> ByKey,
    IReadOnlyDictionary<int, ProcessName> Names)
{
    /// <summary>log2 buckets: bucket s counts latencies in [2^s, 2^(s+1)) ns; the last one is open-ended.</summary>
    public const int BucketCount = 32;
}

/// <summary>A process's name; <see cref="Exited"/> when it was gone at the drain (the name is then the kernel program's copy).</summary>
public readonly record struct ProcessName(string Comm, bool Exited);
