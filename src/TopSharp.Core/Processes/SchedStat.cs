namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/schedstat and task/TID/schedstat (Documentation/scheduler/sched-stats.rst):
/// time on the CPU and time waiting on a run queue, in nanoseconds, and the number of timeslices.
/// /proc/PID/schedstat covers the main thread only; sum the tasks for the whole process.
/// </summary>
public readonly record struct SchedStat(ulong SumExecRuntimeNs, ulong RunDelayNs, ulong Timeslices);
