namespace TopSharp.Core.Cpu;

/// <summary>
/// Per-CPU busy time measured at every context switch rather than sampled at the tick
/// (src/TopSharp.Bpf/bpf/sched.bpf.c): nanoseconds a task other than the idle task ran on each CPU
/// since the program was attached, the segment still running included, up to <see cref="MonotonicNs"/>.
/// Only differences between two readings of one attachment mean anything.
/// </summary>
/// <param name="MonotonicNs">CLOCK_MONOTONIC when the counters were read: the time base of their rates.</param>
/// <param name="Cpus">CPUs whose account is known (a CPU that has not switched since the attach is absent).</param>
public sealed record SchedBusy(ulong MonotonicNs, IReadOnlyList<CpuBusyTime> Cpus);

/// <summary>One CPU's non-idle nanoseconds.</summary>
public readonly record struct CpuBusyTime(int Cpu, ulong BusyNs);
