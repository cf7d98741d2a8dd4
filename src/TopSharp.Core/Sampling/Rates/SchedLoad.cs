using TopSharp.Core.Cpu;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>Busy shares from two <see cref="SchedBusy"/> readings: nanoseconds, so no tick can fool them.</summary>
public static class SchedLoad
{
    /// <summary>
    /// ΔBusyNs / ΔMonotonicNs × 100 for each CPU known in both readings, in the newer reading's order.
    /// Empty for a missing reading or no positive interval; a CPU whose counter went backwards (a
    /// re-attach) is left out. At most 100: the two clock reads bracket the counters, not exactly.
    /// </summary>
    public static IReadOnlyList<(int Cpu, double BusyPct)> Between(SchedBusy? older, SchedBusy? newer)
    {
        if (older is null || newer is null || !Counter.TryDelta(older.MonotonicNs, newer.MonotonicNs, out ulong interval) || interval == 0)
            return [];
        var cpus = new List<(int, double)>(newer.Cpus.Count);
        foreach (CpuBusyTime cpu in newer.Cpus)
            foreach (CpuBusyTime before in older.Cpus)
                if (before.Cpu == cpu.Cpu && Counter.TryDelta(before.BusyNs, cpu.BusyNs, out ulong busy))
                    cpus.Add((cpu.Cpu, Math.Min(100.0, busy * 100.0 / interval)));
        return cpus;
    }
}
