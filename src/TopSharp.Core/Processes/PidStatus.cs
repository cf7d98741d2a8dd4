namespace TopSharp.Core.Processes;

/// <summary>
/// The lines of /proc/PID/status that stat does not give (Documentation/filesystems/proc.rst,
/// table 1-2). Sizes are bytes; a line a kernel may omit (kernel threads have no Vm* lines) is null.
/// </summary>
public sealed record PidStatus(
    string Name,
    int Tgid,
    int Uid,
    string CpusAllowedList,
    string MemsAllowedList,
    ulong VoluntaryCtxtSwitches,
    ulong NonvoluntaryCtxtSwitches,
    ulong? VmRssBytes,
    ulong? RssAnonBytes,
    ulong? RssFileBytes,
    ulong? RssShmemBytes,
    ulong? VmSwapBytes);
