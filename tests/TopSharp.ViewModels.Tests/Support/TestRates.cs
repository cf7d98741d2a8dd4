using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Tests.Support;

/// <summary>
/// Just enough of SnapshotRates.Between for these tests: per-process CPU% over the interval for
/// processes in both snapshots. The real one lives in Core (branch rates).
/// </summary>
internal static class TestRates
{
    public static SnapshotRates Between(SystemSnapshot older, SystemSnapshot newer)
    {
        TimeSpan interval = newer.Timestamp - older.Timestamp;
        var before = older.Processes.ToDictionary(p => p.Key);
        var rates = new Dictionary<ProcessKey, ProcessRates>();
        foreach (ProcessSample p in newer.Processes)
        {
            if (!before.TryGetValue(p.Key, out ProcessSample old) || interval <= TimeSpan.Zero) continue;
            double ticks = p.Stat.Utime + p.Stat.Stime - (double)(old.Stat.Utime + old.Stat.Stime);
            rates[p.Key] = new ProcessRates(ticks / newer.ClockTicksPerSecond / interval.TotalSeconds * 100, null, null, null, null);
        }
        return new SnapshotRates(interval, null, [], null, rates);
    }
}
