using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// One row's input, before formatting: a process, or one of its threads (then <see cref="Sample"/>
/// carries the thread's stat, comm and schedstat, and <see cref="ParentPid"/> is the owning process).
/// </summary>
/// <param name="User">The user name, or the uid as text when /etc/passwd has none.</param>
/// <param name="Rates">Null for a process seen for the first time, or a tomb.</param>
public sealed record ProcessEntry(
    ProcessKey Key,
    ProcessSample Sample,
    int ParentPid,
    bool IsThread,
    string User,
    ProcessRates? Rates,
    SnapshotUnits Units)
{
    public int Pid => Key.Pid;

    /// <summary>The process's PID; for a thread, its process's.</summary>
    public int ProcessPid => IsThread ? ParentPid : Pid;

    public ulong VirtBytes => Sample.Statm.Size * (ulong)Units.PageSize;
    public ulong ResBytes => Sample.Statm.Resident * (ulong)Units.PageSize;
    public ulong ShrBytes => Sample.Statm.Shared * (ulong)Units.PageSize;
    public double CpuPct => Rates?.CpuPct ?? 0;
    public double MemPct => Units.MemTotalBytes == 0 ? 0 : ResBytes * 100.0 / Units.MemTotalBytes;
    public ulong CpuTicks => Sample.Stat.Utime + Sample.Stat.Stime;

    /// <summary>The process's numa_maps (a thread's: its process's), when this pass read it; else null.</summary>
    public NumaMaps? NumaMaps { get; init; }

    /// <summary>The node of the CPU the task last ran on (stat field 39); set with <see cref="NumaMaps"/>.</summary>
    public int? CpuNode { get; init; }

    /// <summary>NODE: the node holding most of the resident memory; null when unknown or nothing is resident.</summary>
    public int? MainNode => NumaMaps?.MainNode;

    /// <summary>REMOTE%: the share of resident memory off <see cref="CpuNode"/>; null when unknown.</summary>
    public double? RemotePct => CpuNode is int node ? NumaMaps?.RemotePct(node) : null;

    /// <summary>SYSC/s: syscalls per second of the process (tgid); null without the syscall tracer, and for thread rows.</summary>
    public double? SyscallsPerSec { get; init; }

    /// <summary>SYSERR/s: failed syscalls per second of the process; null as <see cref="SyscallsPerSec"/>.</summary>
    public double? SyscallErrorsPerSec { get; init; }

    /// <summary>
    /// What the Command column shows, not yet escaped: a thread's own name (comm, set by
    /// pthread_setname_np), else the command line, else the comm (kernel threads, zombies).
    /// </summary>
    public string CommandLine => IsThread || Sample.Cmdline.Length == 0 ? Sample.Comm : Sample.Cmdline;

    /// <summary>Case-insensitive match on comm or command line: what filter and search use.</summary>
    public bool Matches(string text) =>
        text.Length == 0
        || Sample.Comm.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Sample.Cmdline.Contains(text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The units of a snapshot that formatting needs.</summary>
public readonly record struct SnapshotUnits(int ClockTicksPerSecond, int PageSize, ulong MemTotalBytes);
