using System.Diagnostics;

namespace TopSharp.Bpf.Opens;

/// <summary>
/// bpf_ktime_get_ns() counts CLOCK_MONOTONIC, as .NET's Stopwatch does on Linux (1 ns ticks); the offset
/// to Unix time is taken once, when tracing starts, so events keep their order if the wall clock steps.
/// </summary>
public static class MonotonicClock
{
    /// <summary>Add to a CLOCK_MONOTONIC nanosecond stamp to get Unix nanoseconds.</summary>
    public static long OffsetToUnixNs(TimeProvider time)
    {
        long monotonicNs = (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        long unixNs = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        return unixNs - monotonicNs;
    }
}
