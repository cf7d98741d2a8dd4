using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Rates of one process between two samples, over the real interval between the snapshots
/// (never over /proc/stat's tick total, which runs slow or fast against the wall clock).
/// </summary>
public static class ProcessLoad
{
    /// <summary>
    /// Null when the two samples are not the same process (a reused PID has another starttime),
    /// the interval is not positive, or its CPU time went backwards. Any other counter that went
    /// backwards, or was not read in both samples, gives a null rate of its own.
    /// </summary>
    public static ProcessRates? Between(in ProcessSample older, in ProcessSample newer, TimeSpan interval, int ticksPerSecond) =>
        older.Key == newer.Key ? Rates(Counters.Of(older), Counters.Of(newer), interval, ticksPerSecond) : null;

    /// <summary>
    /// A process that started inside the interval: everything it has counted is new, so its
    /// rates are its whole counters over the interval.
    /// </summary>
    public static ProcessRates? Started(in ProcessSample newer, TimeSpan interval, int ticksPerSecond)
    {
        Counters counted = Counters.Of(newer);
        return Rates(counted.Zeroed(), counted, interval, ticksPerSecond);
    }

    private static ProcessRates? Rates(in Counters older, in Counters newer, TimeSpan interval, int ticksPerSecond)
    {
        if (interval <= TimeSpan.Zero || ticksPerSecond <= 0) return null;
        if (!Counter.TryDelta(older.CpuTicks, newer.CpuTicks, out ulong cpuTicks)) return null;
        double seconds = interval.TotalSeconds;
        return new ProcessRates(
            CpuPct: cpuTicks * 100.0 / ticksPerSecond / seconds,
            // ns of waiting per second of wall time: 1e9 ns/s is 100 %.
            RunDelayPct: Counter.PerSecond(older.RunDelayNs, newer.RunDelayNs, seconds) / 1e7,
            CtxtSwitchesPerSec: Counter.PerSecond(older.CtxtSwitches, newer.CtxtSwitches, seconds),
            ReadBytesPerSec: Counter.PerSecond(older.ReadBytes, newer.ReadBytes, seconds),
            WriteBytesPerSec: Counter.PerSecond(older.WriteBytes, newer.WriteBytes, seconds));
    }

    /// <summary>The cumulative counters rates come from; null where the file was not read.</summary>
    private readonly record struct Counters(
        ulong CpuTicks, ulong? RunDelayNs, ulong? CtxtSwitches, ulong? ReadBytes, ulong? WriteBytes)
    {
        public static Counters Of(in ProcessSample p) => new(
            p.Stat.Utime + p.Stat.Stime,
            p.SchedStat?.RunDelayNs,
            p.Status is { } s ? s.VoluntaryCtxtSwitches + s.NonvoluntaryCtxtSwitches : null,
            p.Io?.ReadBytes,
            p.Io?.WriteBytes);

        /// <summary>Zero where this sample has a reading, null where it has none.</summary>
        public Counters Zeroed() => new(
            0, RunDelayNs is null ? null : 0, CtxtSwitches is null ? null : 0,
            ReadBytes is null ? null : 0, WriteBytes is null ? null : 0);
    }
}
