using TopSharp.Core.Cpu;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// The share of an interval that tasks stalled on a resource, from the <c>total=</c> stall time of
/// two PSI readings (Documentation/accounting/psi.rst): exact, where avg10 is a decaying average.
/// </summary>
public static class PressureStall
{
    /// <summary>Δtotal (µs) / interval × 100; null for no interval or a total that went backwards.</summary>
    public static double? Between(in PressureLine older, in PressureLine newer, TimeSpan interval) =>
        interval > TimeSpan.Zero && Counter.TryDelta(older.TotalUsec, newer.TotalUsec, out ulong stalled)
            ? stalled / interval.TotalMicroseconds * 100
            : null;
}
