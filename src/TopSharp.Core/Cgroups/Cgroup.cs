using TopSharp.Core.Cpu;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// One cgroup of one hierarchy as read in one pass: counters and settings, never rates. A value whose file
/// the hierarchy does not have (no such controller, the root cgroup, an older kernel) is null.
/// </summary>
public sealed record Cgroup
{
    /// <summary>The path /proc/PID/cgroup shows (<c>/batch/job1</c>); <c>/</c> for the hierarchy's root.</summary>
    public required string Path { get; init; }

    /// <summary>0 for the root, 1 for its children…</summary>
    public int Depth => Path == "/" ? 0 : Path.Count(c => c == '/');

    /// <summary>CPU time of the group and its descendants: v2 <c>cpu.stat usage_usec</c>, v1 <c>cpuacct.usage</c>, in ns.</summary>
    public ulong? CpuUsageNs { get; init; }

    /// <summary>cpu.stat's bandwidth counters (v1 and v2).</summary>
    public CpuStat? CpuStat { get; init; }

    /// <summary>v2 <c>memory.current</c>, v1 <c>memory.usage_in_bytes</c>.</summary>
    public ulong? MemoryCurrentBytes { get; init; }

    /// <summary>v2 <c>memory.max</c>, v1 <c>memory.limit_in_bytes</c>; <see cref="CgroupValue.Max"/> when unlimited.</summary>
    public ulong? MemoryMaxBytes { get; init; }

    /// <summary>v2 <c>memory.high</c>; <see cref="CgroupValue.Max"/> when unlimited.</summary>
    public ulong? MemoryHighBytes { get; init; }

    public ulong? PidsCurrent { get; init; }

    /// <summary><c>pids.max</c>; <see cref="CgroupValue.Max"/> when unlimited.</summary>
    public ulong? PidsMax { get; init; }

    /// <summary>v2 <c>io.stat</c>, summed over devices.</summary>
    public IoStat? Io { get; init; }

    /// <summary>v2 <c>cpu.pressure</c>, <c>memory.pressure</c>, <c>io.pressure</c>; null when none is there.</summary>
    public Pressure? Pressure { get; init; }

    /// <summary>v2 <c>cpuset.cpus.effective</c>, v1 <c>cpuset.effective_cpus</c>.</summary>
    public CpuList? CpusEffective { get; init; }

    /// <summary>v2 <c>cpuset.mems.effective</c>, v1 <c>cpuset.effective_mems</c>.</summary>
    public CpuList? MemsEffective { get; init; }

    /// <summary>v2 <c>cgroup.type</c>: <c>domain</c>, <c>threaded</c>, <c>domain threaded</c>, <c>domain invalid</c>.</summary>
    public string? Type { get; init; }

    /// <summary>v2 <c>cpuset.cpus.partition</c>: <c>member</c>, <c>root</c>, <c>isolated</c>, or <c>root invalid (reason)</c>.</summary>
    public string? Partition { get; init; }

    /// <summary>v2 <c>cgroup.events frozen</c>; v1 <c>freezer.state</c> is <c>FROZEN</c>.</summary>
    public bool? Frozen { get; init; }

    /// <summary>Lines of <c>cgroup.procs</c>: the processes directly in this group (not its descendants).</summary>
    public int? NrProcesses { get; init; }
}

/// <summary>
/// <c>cpu.stat</c> (cgroup-v2.rst "CPU Interface Files"; cgroup-v1 Documentation/scheduler/sched-bwc.rst):
/// throttling counts and time; v2 also writes <c>usage_usec</c>, which is kept in <see cref="Cgroup.CpuUsageNs"/>.
/// </summary>
/// <param name="ThrottledUsec">v2 <c>throttled_usec</c>; v1 <c>throttled_time</c> (ns) / 1000.</param>
public readonly record struct CpuStat(ulong? UsageUsec, ulong NrPeriods, ulong NrThrottled, ulong ThrottledUsec);

/// <summary><c>io.stat</c> (cgroup-v2.rst "IO Interface Files") summed over every device line.</summary>
public readonly record struct IoStat(ulong RBytes, ulong WBytes, ulong Rios, ulong Wios);
