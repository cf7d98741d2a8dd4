using System.Collections.ObjectModel;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling;

/// <summary>
/// Everything one sampling pass read, as counters: immutable, and never a rate. Rates come from
/// two snapshots through the pure functions in <c>Sampling/Rates</c>.
/// </summary>
/// <param name="Timestamp">
/// The time base for rates: CLOCK_MONOTONIC on a live machine; a captured tree's
/// <c>proc/uptime</c>. Only differences between two snapshots of one source mean anything.
/// </param>
/// <param name="ClockTicksPerSecond">USER_HZ, the unit of /proc/stat and /proc/PID/stat times (sysconf(_SC_CLK_TCK)).</param>
/// <param name="PageSize">Bytes per page, the unit of statm and stat rss.</param>
public sealed record SystemSnapshot(
    TimeSpan Timestamp,
    int ClockTicksPerSecond,
    int PageSize,
    Uptime? Uptime,
    ProcStat? Stat,
    LoadAvg? LoadAvg,
    Pressure Pressure,
    MemInfo? MemInfo,
    IReadOnlyList<ProcessSample> Processes,
    IReadOnlyDictionary<int, string> UserNames,
    IReadOnlyList<ParseDiagnostic> Diagnostics)
{
    /// <summary>/sys/devices/system/node as read in this pass; null on a kernel without NUMA support.</summary>
    public NumaSnapshot? Numa { get; init; }

    /// <summary>Per-CPU busy nanoseconds from the sched_switch BPF program; null when it is not attached.</summary>
    public SchedBusy? SchedBusy { get; init; }

    /// <summary>/proc/PID/numa_maps by PID, of the processes the request named (<see cref="SampleRequest.NumaMapsPids"/>) and could read.</summary>
    public IReadOnlyDictionary<int, NumaMaps> NumaMaps { get; init; } = ReadOnlyDictionary<int, NumaMaps>.Empty;

    /// <summary>Every cgroup hierarchy and its groups; null when the pass was not asked for them (<see cref="ProcessFiles.CgroupTree"/>).</summary>
    public CgroupSnapshot? Cgroups { get; init; }

    /// <summary>vmstat, buddyinfo and slabinfo as read in this pass; null when not asked for.</summary>
    public KernelMemory? KernelMemory { get; init; }
}
