using System.Runtime.InteropServices;

namespace TopSharp.Bpf.Sched;

/// <summary>The libc calls the sched_switch reader makes: the clock its program stamps with, and thread affinity.</summary>
internal static unsafe partial class SchedNative
{
    private const int CLOCK_MONOTONIC = 1;

    /// <summary>CLOCK_MONOTONIC in ns: the clock of bpf_ktime_get_ns().</summary>
    public static ulong MonotonicNs()
    {
        TimeSpec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (ulong)t.Sec * 1_000_000_000UL + (ulong)t.Nsec;
    }

    /// <summary>sched_getaffinity(2) of the calling thread into <paramref name="mask"/>; false on failure.</summary>
    public static bool TryGetAffinity(Span<byte> mask)
    {
        fixed (byte* m = mask) return sched_getaffinity(0, (nuint)mask.Length, m) == 0;
    }

    /// <summary>sched_setaffinity(2) of the calling thread; the kernel moves it before returning when its CPU is not in the mask.</summary>
    public static bool TrySetAffinity(ReadOnlySpan<byte> mask)
    {
        fixed (byte* m = mask) return sched_setaffinity(0, (nuint)mask.Length, m) == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Sec;
        public long Nsec;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clockId, TimeSpec* tp);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, byte* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, byte* mask);
}
