namespace TopSharp.Core.Cpu;

/// <summary>
/// /proc/pressure/{cpu,memory,io} (Documentation/accounting/psi.rst). A resource the kernel does
/// not report (no PSI, or psi=0) is null, never zero.
/// </summary>
public sealed record Pressure(PressureResource? Cpu, PressureResource? Memory, PressureResource? Io);

/// <summary>The <c>some</c> line and, where the kernel writes one, the <c>full</c> line.</summary>
public sealed record PressureResource(PressureLine Some, PressureLine? Full);

/// <summary>Averages in percent; <see cref="TotalUsec"/> is the cumulative stall time in microseconds.</summary>
public readonly record struct PressureLine(double Avg10, double Avg60, double Avg300, ulong TotalUsec);
