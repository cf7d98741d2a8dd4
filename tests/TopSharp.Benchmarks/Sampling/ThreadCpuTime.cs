using System.Runtime.InteropServices;

namespace TopSharp.Benchmarks.Sampling;

/// <summary>
/// User and kernel CPU time of the calling thread (getrusage(2), RUSAGE_THREAD). BenchmarkDotNet
/// measures wall time, which on a shared machine counts other processes' turns too; this does not.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int RUSAGE_THREAD = 1;

    public static (TimeSpan User, TimeSpan Kernel) Now()
    {
        if (getrusage(RUSAGE_THREAD, out Rusage usage) != 0) return default;
        return (ToTimeSpan(usage.UtimeSec, usage.UtimeUsec), ToTimeSpan(usage.StimeSec, usage.StimeUsec));
    }

    private static TimeSpan ToTimeSpan(long seconds, long microseconds) =>
        TimeSpan.FromSeconds(seconds) + TimeSpan.FromMicroseconds(microseconds);

    [LibraryImport("libc")]
    private static partial int getrusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two struct timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
    }
}
