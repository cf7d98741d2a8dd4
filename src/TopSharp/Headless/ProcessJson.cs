namespace TopSharp.Headless;

/// <summary>
/// One process of the newer reading. Names follow proc(5); rates are over the interval and null
/// when the process has none (new before the interval, reused PID, counter went backwards, file not readable).
/// </summary>
internal sealed record ProcessJson(
    int Pid,
    int Ppid,
    string Comm,
    string Cmdline,
    int Uid,
    string? User,
    string State,
    int Threads,
    int Priority,
    int Nice,
    bool KernelThread,
    double? CpuPct,
    double? RunDelayPct,
    double? CtxtSwitchesPerSec,
    double? ReadBytesPerSec,
    double? WriteBytesPerSec,
    ulong RssBytes,
    ulong VsizeBytes,
    string? Cgroup,
    string? CpusAllowed,
    string? MemsAllowed,
    int LastCpu,
    /// <summary>proc(5) starttime: clock ticks (USER_HZ) after boot.</summary>
    ulong StartTime);
