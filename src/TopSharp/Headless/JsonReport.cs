using System.Text.Json;
using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary><c>--once --json</c>: two readings, one JSON document on stdout.</summary>
internal static class JsonReport
{
    public static int Run(CommandLineOptions options, TextWriter stdout)
    {
        (SystemSnapshot older, SystemSnapshot newer) = Readings(options);
        Report report = ReportBuilder.Build(options, older, newer, SnapshotRates.Between(older, newer));
        stdout.WriteLine(JsonSerializer.Serialize(report, ReportJsonContext.Readable.Report));
        return App.Ok;
    }

    /// <summary>
    /// A tree holding <c>t0/</c> and <c>t1/</c> captures is read as those two, timed by their own
    /// proc/uptime (no waiting); a single captured tree is one reading (no rates); the live
    /// machine is read twice, <see cref="CommandLineOptions.Delay"/> apart.
    /// </summary>
    private static (SystemSnapshot Older, SystemSnapshot Newer) Readings(CommandLineOptions options)
    {
        KernelRoot root = options.Root;
        KernelRoot t0 = new(Path.Join(root.Path, "t0")), t1 = new(Path.Join(root.Path, "t1"));
        if (!root.IsLive && Directory.Exists(t0.Proc("")) && Directory.Exists(t1.Proc("")))
            return (TimedByUptime(ReadOnce(t0)), TimedByUptime(ReadOnce(t1)));

        using var sampler = new Sampler(root);
        SystemSnapshot older = sampler.Sample(ProcessFiles.All);
        if (!root.IsLive) return (older, older);
        Thread.Sleep(options.Delay);
        return (older, sampler.Sample(ProcessFiles.All));
    }

    private static SystemSnapshot ReadOnce(KernelRoot root)
    {
        using var sampler = new Sampler(root);
        return sampler.Sample(ProcessFiles.All);
    }

    private static SystemSnapshot TimedByUptime(SystemSnapshot s) =>
        s.Uptime is { } u ? s with { Timestamp = TimeSpan.FromSeconds(u.UptimeSeconds) } : s;
}
