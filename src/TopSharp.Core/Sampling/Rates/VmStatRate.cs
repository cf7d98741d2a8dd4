using TopSharp.Core.Memory;

namespace TopSharp.Core.Sampling.Rates;

/// <summary>One vmstat counter per second between two snapshots; null when either lacks it or it went backwards.</summary>
public readonly record struct VmStatRate(string Name, double? PerSecond)
{
    public static IReadOnlyList<VmStatRate> Between(VmStat? older, VmStat? newer, TimeSpan interval)
    {
        if (older is null || newer is null || interval <= TimeSpan.Zero) return [];
        var rates = new VmStatRate[VmStat.Names.Count];
        for (int i = 0; i < rates.Length; i++)
            rates[i] = new(VmStat.Names[i], Counter.PerSecond(older.Counters[i], newer.Counters[i], interval.TotalSeconds));
        return rates;
    }
}
