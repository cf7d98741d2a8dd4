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
    ulong StartTime,
    /// <summary>
    /// With <c>--numa-maps</c>: resident bytes per node (key: node number) summed from /proc/PID/numa_maps,
    /// huge pages at their own size; empty for a process with nothing resident. Null without the option
    /// or when the file could not be read.
    /// </summary>
    IReadOnlyDictionary<int, ulong>? NumaBytesByNode = null,
    /// <summary>With <c>--numa-maps</c>: the node holding most of those bytes (the NODE column); null when nothing is resident.</summary>
    int? NumaMainNode = null,
    /// <summary>With <c>--numa-maps</c>: the share of those bytes off the last CPU's node (the REMOTE% column).</summary>
    double? NumaRemotePct = null);
