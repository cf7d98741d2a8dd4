namespace TopSharp.Core.Cpu;

/// <summary>
/// One <c>cpu</c> line of /proc/stat, in USER_HZ ticks as the kernel counts them
/// (Documentation/filesystems/proc.rst, "1.7 Miscellaneous kernel statistics in /proc/stat").
/// <see cref="Guest"/> and <see cref="GuestNice"/> are already included in User and Nice.
/// </summary>
public readonly record struct CpuTimes(
    ulong User, ulong Nice, ulong System, ulong Idle, ulong Iowait,
    ulong Irq, ulong Softirq, ulong Steal, ulong Guest, ulong GuestNice)
{
    /// <summary>Every tick the CPU spent, guest time not counted twice.</summary>
    public ulong Total => User + Nice + System + Idle + Iowait + Irq + Softirq + Steal;

    /// <summary>Ticks not idle and not waiting for I/O.</summary>
    public ulong Busy => User + Nice + System + Irq + Softirq + Steal;
}
