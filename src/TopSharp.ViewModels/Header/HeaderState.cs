namespace TopSharp.ViewModels.Header;

/// <summary>
/// Everything the header shows, already formatted. Percentages are of one CPU's (or all CPUs')
/// time; a part the source did not give is null and its widget is hidden.
/// </summary>
public sealed record HeaderState(
    IReadOnlyList<CpuMeter> Cpus,
    CpuMeter? Total,
    MemoryBar? Memory,
    SwapBar? Swap,
    LoadAverage? Load,
    PressureSummary Pressure,
    TaskCounts Tasks,
    /// <summary>"3 days, 04:05:06"; null when /proc/uptime was not read.</summary>
    string? Uptime,
    /// <summary>Set when /proc/stat and the tasks' own accounting disagree by more than <see cref="HeaderViewModel.DisagreementPoints"/>.</summary>
    string? Disagreement)
{
    public static HeaderState Empty { get; } =
        new([], null, null, null, null, new PressureSummary(null, null, null, ""), new TaskCounts(0, 0, 0, 0, ""), null, null);
}

/// <summary>
/// One CPU's meter: the stacked shares in percent of that CPU, in the order htop draws them, and
/// the label and text beside it (<c>"0"</c>, <c>"12.3%"</c>). Busy = user+nice+system+irq+softirq+steal.
/// </summary>
public sealed record CpuMeter(
    int Cpu, string Label,
    double User, double Nice, double System, double Irq, double Softirq, double Steal, double Iowait,
    double Busy, string Text);

/// <summary>
/// The memory bar: used (total − free − buffers − cache), buffers, shmem and cache (page cache +
/// SReclaimable − shmem), each in bytes, with <c>"1.23G/7.77G"</c> as text.
/// </summary>
public sealed record MemoryBar(ulong TotalBytes, ulong UsedBytes, ulong BuffersBytes, ulong ShmemBytes, ulong CacheBytes, string Text);

/// <summary>The swap bar: used = SwapTotal − SwapFree.</summary>
public sealed record SwapBar(ulong TotalBytes, ulong UsedBytes, string Text);

/// <summary>/proc/loadavg's three averages; <see cref="Text"/> is "0.52 0.58 0.59".</summary>
public sealed record LoadAverage(double Avg1, double Avg5, double Avg15, string Text);

/// <summary>PSI <c>some avg10</c> per resource, in percent; null where the kernel has no PSI (hide it). <see cref="Text"/>: "PSI cpu 1.2% mem 0.0% io 3.4%", or "".</summary>
public sealed record PressureSummary(double? CpuSomeAvg10, double? MemorySomeAvg10, double? IoSomeAvg10, string Text);

/// <summary>Processes, threads (user-space), kernel threads and procs_running; <see cref="Text"/> is "Tasks: 120, 345 thr, 80 kthr; 2 running".</summary>
public sealed record TaskCounts(int Tasks, int Threads, int KernelThreads, int Running, string Text);
