namespace TopSharp.Core.Processes;

/// <summary>
/// The fields of /proc/PID/stat (and task/TID/stat) that TopSharp uses, as proc(5) numbers them.
/// Times are USER_HZ ticks; on current kernels utime+stime are scaled to the scheduler's
/// sum_exec_runtime (cputime_adjust), so they are not fooled by tick sampling.
/// Not parsed: pgrp, session, tpgid, flags, cminflt, cmajflt, itrealvalue, rsslim and the addresses.
/// The comm (field 2) is returned separately by the parser, so it can be cached.
/// </summary>
public readonly record struct PidStat(
    int Pid,
    char State,
    int Ppid,
    int TtyNr,
    ulong Minflt,
    ulong Majflt,
    ulong Utime,
    ulong Stime,
    ulong Cutime,
    ulong Cstime,
    int Priority,
    int Nice,
    int NumThreads,
    ulong Starttime,
    ulong VsizeBytes,
    ulong RssPages,
    int Processor,
    uint Policy,
    ulong DelayacctBlkioTicks,
    /// <summary>Field 52, since Linux 3.5; null when the line is shorter.</summary>
    int? ExitCode);
