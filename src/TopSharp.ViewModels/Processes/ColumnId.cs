namespace TopSharp.ViewModels.Processes;

/// <summary>The process table's columns; the names are persisted in config.json, so only add.</summary>
public enum ColumnId
{
    Pid,
    User,
    Priority,
    Nice,
    Virt,
    Res,
    Shr,
    State,
    CpuPercent,
    MemPercent,
    Time,
    Command,
    Ppid,
    Threads,
    RunqPercent,
    Processor,
    Cgroup,
    Cpus,
    IoReadRate,
    IoWriteRate,
    CtxSwitchRate,
    NumaNode,
    RemotePercent,
    SyscallRate,
    SyscallErrorRate,
    Mems,
}

public enum ColumnAlignment
{
    Left,
    Right,
}
