namespace TopSharp.Headless;

/// <summary>
/// The <c>--once --json</c> document (docs/json.md). One property per section: a new pane's data
/// is one more property here and one more builder beside <see cref="ReportBuilder"/>.
/// </summary>
internal sealed record Report(
    string TopsharpVersion,
    string Root,
    /// <summary>Seconds between the two readings, to the microsecond; null when there was only one.</summary>
    double? IntervalSec,
    int UserHz,
    int PageSizeBytes,
    double? UptimeSec,
    CpuTotalJson CpuTotal,
    IReadOnlyList<CpuJson> Cpus,
    LoadJson? Load,
    PressureJson Pressure,
    IReadOnlyDictionary<string, ulong>? Memory,
    /// <summary>Null on a kernel without NUMA support (no /sys/devices/system/node).</summary>
    NumaJson? Numa,
    IReadOnlyList<ProcessJson> Processes,
    SyscallsJson Syscalls,
    /// <summary>Every cgroup of every mounted hierarchy (docs/json.md "cgroups[]").</summary>
    IReadOnlyList<CgroupJson> Cgroups,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>meminfo breakdown, vmstat rates, buddyinfo and slabinfo: always present.</summary>
    public KernelMemoryJson? KernelMemory { get; init; }

    /// <summary>With <c>--maps PID</c>: that process's memory map; null otherwise.</summary>
    public MemoryMapJson? MemoryMap { get; init; }
}

/// <summary>/proc/loadavg.</summary>
internal sealed record LoadJson(double Avg1, double Avg5, double Avg15, int Running, int Total, int LastPid);

/// <summary>A reader's complaint: which source, which file, which line (0 for the whole file), and why.</summary>
internal sealed record DiagnosticJson(string Source, string Path, int Line, string Reason);
