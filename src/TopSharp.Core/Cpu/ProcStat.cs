namespace TopSharp.Core.Cpu;

/// <summary>/proc/stat: the aggregate <c>cpu</c> line, one line per online CPU, and the counters after them.</summary>
public sealed record ProcStat(
    CpuTimes Total,
    IReadOnlyList<CpuLine> Cpus,
    ulong Ctxt,
    ulong Processes,
    int ProcsRunning,
    int ProcsBlocked);

/// <summary>One <c>cpuN</c> line; offline CPUs have none, so N is kept rather than the index.</summary>
public readonly record struct CpuLine(int Cpu, CpuTimes Times);
