using TopSharp.Core.Cpu;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>/proc/pressure/{cpu,memory,io} of the newer reading; a resource the kernel does not report is null.</summary>
internal sealed record PressureJson(PressureResourceJson? Cpu, PressureResourceJson? Memory, PressureResourceJson? Io)
{
    public static PressureJson Between(Pressure older, Pressure newer, TimeSpan interval) => new(
        Resource(older.Cpu, newer.Cpu, interval), Resource(older.Memory, newer.Memory, interval), Resource(older.Io, newer.Io, interval));

    private static PressureResourceJson? Resource(PressureResource? older, PressureResource? newer, TimeSpan interval) =>
        newer is not { } r ? null : new(
            r.Some.Avg10, r.Some.Avg60, r.Some.Avg300, r.Some.TotalUsec,
            Round.Two(older is null ? null : PressureStall.Between(older.Some, r.Some, interval)),
            r.Full?.Avg10, r.Full?.Avg60, r.Full?.Avg300, r.Full?.TotalUsec,
            Round.Two(older?.Full is { } before && r.Full is { } after ? PressureStall.Between(before, after, interval) : null));
}

/// <summary>
/// The <c>some</c> and <c>full</c> lines, and the share of the interval stalled from their
/// <c>total=</c>; <c>full_*</c> are null where the kernel writes no full line.
/// </summary>
internal sealed record PressureResourceJson(
    double SomeAvg10, double SomeAvg60, double SomeAvg300, ulong SomeTotalUsec, double? SomeStallPct,
    double? FullAvg10, double? FullAvg60, double? FullAvg300, ulong? FullTotalUsec, double? FullStallPct);
