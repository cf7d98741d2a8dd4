namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Differences of kernel counters. A counter that went backwards (a reset, a reused PID, a
/// thread that left a sum) has no difference: the caller reports no rate, never a negative one.
/// </summary>
internal static class Counter
{
    public static bool TryDelta(ulong older, ulong newer, out ulong delta)
    {
        delta = newer >= older ? newer - older : 0;
        return newer >= older;
    }

    /// <summary>Δ per second; null when either reading is missing or the counter went backwards.</summary>
    public static double? PerSecond(ulong? older, ulong? newer, double seconds) =>
        older is { } o && newer is { } n && TryDelta(o, n, out ulong delta) ? delta / seconds : null;
}
