namespace TopSharp.Core.Processes;

/// <summary>/proc/PID/statm, in pages: <c>size resident shared text lib data dt</c> (proc(5)).</summary>
public readonly record struct PidStatm(ulong Size, ulong Resident, ulong Shared, ulong Text, ulong Data);
