namespace TopSharp.Core.Processes;

/// <summary>One thread from /proc/PID/task/TID/{stat,schedstat}.</summary>
public sealed record ThreadSample(int Tid, string Comm, PidStat Stat, SchedStat? SchedStat);
