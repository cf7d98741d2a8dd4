namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Shares of one CPU's (or all CPUs') ticks between two /proc/stat readings, in percent; all but
/// <see cref="Guest"/> (already inside User and Nice) add up to 100.
/// Busy = everything but idle and iowait. This is the tick-sampled view top and htop show.
/// </summary>
public readonly record struct CpuPercent(
    double User, double Nice, double System, double Idle, double Iowait,
    double Irq, double Softirq, double Steal, double Guest, double Busy);
