using TopSharp.Testing;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The accuracy tests compare whole-machine figures with one process's own use, so other work
/// (a parallel build, another test assembly) must be small. This waits for it to settle.
/// </summary>
internal static class QuietMachine
{
    /// <summary>
    /// Waits until the machine is at most <paramref name="maxBusyPct"/> busy over half a second
    /// (the /proc/stat aggregate line: enough to see a build), for up to 30 s; then skips, or
    /// fails under TOPSHARP_REQUIRE_PRIVILEGED=1, naming how busy it was.
    /// </summary>
    public static void Await(double maxBusyPct = 10)
    {
        double busy = 100;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            (long busy0, long total0) = ReadAggregate();
            Thread.Sleep(500);
            (long busy1, long total1) = ReadAggregate();
            busy = total1 > total0 ? 100.0 * (busy1 - busy0) / (total1 - total0) : 100;
            if (busy <= maxBusyPct) return;
        }
        Requires.That(false, $"the machine stayed {busy:F0}% busy with other work for 30 s; this measurement needs it under {maxBusyPct}%");
    }

    /// <summary>The "cpu " line of /proc/stat (Documentation/filesystems/proc.rst): busy and total ticks.</summary>
    private static (long Busy, long Total) ReadAggregate()
    {
        string line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        long[] ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        long idle = ticks[3] + ticks[4];
        long total = ticks.Sum();
        return (total - idle, total);
    }
}
