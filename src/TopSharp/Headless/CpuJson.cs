using System.Text.Json.Serialization;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>Shares of /proc/stat ticks between the two readings, in percent; null without two readings.</summary>
internal class CpuSharesJson(CpuPercent? shares)
{
    public double? UserPct { get; } = Round.Two(shares?.User);
    public double? NicePct { get; } = Round.Two(shares?.Nice);
    public double? SystemPct { get; } = Round.Two(shares?.System);
    public double? IdlePct { get; } = Round.Two(shares?.Idle);
    public double? IowaitPct { get; } = Round.Two(shares?.Iowait);
    public double? IrqPct { get; } = Round.Two(shares?.Irq);
    public double? SoftirqPct { get; } = Round.Two(shares?.Softirq);
    public double? StealPct { get; } = Round.Two(shares?.Steal);
    public double? GuestPct { get; } = Round.Two(shares?.Guest);
    public double? BusyPct { get; } = Round.Two(shares?.Busy);
}

/// <summary>The aggregate <c>cpu</c> line, and the busy shares the tasks' own CPU time and the sched_switch program give.</summary>
internal sealed class CpuTotalJson(CpuPercent? shares, double? busyPctTasks, double? busyPctSched) : CpuSharesJson(shares)
{
    [JsonPropertyOrder(1)]
    public double? BusyPctTasks { get; } = Round.Two(busyPctTasks);

    [JsonPropertyOrder(2)]
    public double? BusyPctSched { get; } = Round.Two(busyPctSched);
}

/// <summary>One <c>cpuN</c> line, and its busy share from the sched_switch program.</summary>
internal sealed class CpuJson(int cpu, CpuPercent? shares, double? busyPctSched) : CpuSharesJson(shares)
{
    [JsonPropertyOrder(-1)]
    public int Cpu { get; } = cpu;

    [JsonPropertyOrder(1)]
    public double? BusyPctSched { get; } = Round.Two(busyPctSched);
}

/// <summary>Derived values are rounded to 2 decimals; counters are printed exactly.</summary>
internal static class Round
{
    public static double? Two(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
