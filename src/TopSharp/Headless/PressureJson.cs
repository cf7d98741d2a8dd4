using TopSharp.Core.Cpu;

namespace TopSharp.Headless;

/// <summary>/proc/pressure/{cpu,memory,io}; a resource the kernel does not report is null.</summary>
internal sealed record PressureJson(PressureResourceJson? Cpu, PressureResourceJson? Memory, PressureResourceJson? Io)
{
    public static PressureJson From(Pressure p) => new(Resource(p.Cpu), Resource(p.Memory), Resource(p.Io));

    private static PressureResourceJson? Resource(PressureResource? r) => r is null ? null : new(
        r.Some.Avg10, r.Some.Avg60, r.Some.Avg300, r.Some.TotalUsec,
        r.Full?.Avg10, r.Full?.Avg60, r.Full?.Avg300, r.Full?.TotalUsec);
}

/// <summary>The <c>some</c> and <c>full</c> lines; <c>full_*</c> are null where the kernel writes no full line.</summary>
internal sealed record PressureResourceJson(
    double SomeAvg10, double SomeAvg60, double SomeAvg300, ulong SomeTotalUsec,
    double? FullAvg10, double? FullAvg60, double? FullAvg300, ulong? FullTotalUsec);
