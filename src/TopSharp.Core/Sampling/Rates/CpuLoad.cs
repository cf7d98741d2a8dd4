using TopSharp.Core.Cpu;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Shares of the ticks one <c>cpu</c> line of /proc/stat counted between two readings
/// (Documentation/filesystems/proc.rst, "1.7 Miscellaneous kernel statistics in /proc/stat").
/// </summary>
public static class CpuLoad
{
    /// <summary>
    /// Null when no tick passed or a counter went backwards. iowait alone is allowed to shrink
    /// (proc.rst: "the value of iowait field in /proc/stat will decrease in certain conditions");
    /// its share is then 0.
    /// </summary>
    public static CpuPercent? Between(in CpuTimes older, in CpuTimes newer)
    {
        if (!Counter.TryDelta(older.User, newer.User, out ulong user)
            || !Counter.TryDelta(older.Nice, newer.Nice, out ulong nice)
            || !Counter.TryDelta(older.System, newer.System, out ulong system)
            || !Counter.TryDelta(older.Idle, newer.Idle, out ulong idle)
            || !Counter.TryDelta(older.Irq, newer.Irq, out ulong irq)
            || !Counter.TryDelta(older.Softirq, newer.Softirq, out ulong softirq)
            || !Counter.TryDelta(older.Steal, newer.Steal, out ulong steal)
            || !Counter.TryDelta(older.Guest + older.GuestNice, newer.Guest + newer.GuestNice, out ulong guest))
            return null;
        Counter.TryDelta(older.Iowait, newer.Iowait, out ulong iowait);

        ulong busy = user + nice + system + irq + softirq + steal;
        ulong total = busy + idle + iowait;
        if (total == 0) return null;
        double share = 100.0 / total;
        return new CpuPercent(
            User: user * share, Nice: nice * share, System: system * share, Idle: idle * share,
            Iowait: iowait * share, Irq: irq * share, Softirq: softirq * share, Steal: steal * share,
            Guest: guest * share, Busy: busy * share);
    }
}
