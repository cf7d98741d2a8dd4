namespace TopSharp.Core.Processes;

/// <summary>/proc/PID/io (Documentation/filesystems/proc.rst, "/proc/&lt;pid&gt;/io"); readable only by the owner or root.</summary>
public sealed record PidIo(
    ulong Rchar, ulong Wchar, ulong Syscr, ulong Syscw,
    ulong ReadBytes, ulong WriteBytes, ulong CancelledWriteBytes);
