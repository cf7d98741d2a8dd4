using System.Text.Json;
using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary><c>--once --json</c>: two readings, one JSON document on stdout.</summary>
internal static class JsonReport
{
    public static int Run(CommandLineOptions options, TextWriter stdout)
    {
        using var syscalls = HeadlessSyscalls.Start(options);
        (SystemSnapshot older, SystemSnapshot newer, KernelRoot newerRoot) = Readings(options, syscalls);
        IReadOnlyDictionary<int, NumaMaps>? numaMaps = null;
        if (options.NumaMaps) (numaMaps, newer) = ReadNumaMaps(options, newer, newerRoot);
        Report report = ReportBuilder.Build(options, older, newer, SnapshotRates.Between(older, newer), numaMaps,
            syscalls.Report(pid => options.Pids.Count == 0 || options.Pids.Contains(pid), options.Cgroup, older, newer));
        if (options.MapsPid is int mapsPid) report = report with { MemoryMap = MemoryMapJson.Read(newerRoot, newer, mapsPid) };
        stdout.WriteLine(JsonSerializer.Serialize(report, ReportJsonContext.Readable.Report));
        return App.Ok;
    }

    /// <summary>
    /// A tree holding <c>t0/</c> and <c>t1/</c> captures is read as those two, timed by their own
    /// proc/uptime as the sampler times every captured tree (no waiting); a single captured tree
    /// is one reading (no rates); the live machine is read twice, <see cref="CommandLineOptions.Delay"/> apart.
    /// </summary>
    private static (SystemSnapshot Older, SystemSnapshot Newer, KernelRoot NewerRoot) Readings(CommandLineOptions options, HeadlessSyscalls syscalls)
    {
        KernelRoot root = options.Root;
        if (root.CapturedPair() is (KernelRoot t0, KernelRoot t1))
            return (ReadOnce(t0), ReadOnce(t1), t1);

        using var sampler = new Sampler(root);
        using var cpuMeters = new CpuMeterSource(options);
        cpuMeters.Attach();
        SystemSnapshot older = cpuMeters.AddReading(sampler.Sample(ProcessFiles.All));
        if (!root.IsLive) return (older, older, root);
        syscalls.Sample();
        Thread.Sleep(options.Delay);
        syscalls.Sample();
        return (older, cpuMeters.AddReading(sampler.Sample(ProcessFiles.All)), root);
    }

    /// <summary>
    /// <c>--numa-maps</c>: numa_maps of each selected process of the newer reading. Each read walks the
    /// process's page tables, which is why it is an option. A process gone since is left out; the
    /// reading's diagnostics gain any of the files'.
    /// </summary>
    private static (Dictionary<int, NumaMaps>, SystemSnapshot) ReadNumaMaps(CommandLineOptions options, SystemSnapshot newer, KernelRoot root)
    {
        var maps = new Dictionary<int, NumaMaps>();
        var diagnostics = new List<ParseDiagnostic>(newer.Diagnostics);
        using var file = new KernelFile(64 * 1024);
        foreach (ProcessSample p in newer.Processes)
        {
            string? user = newer.UserNames.GetValueOrDefault(p.Uid);
            if (ReportBuilder.Selected(options, p, user) && NumaMapsReader.Read(root, file, p.Pid, diagnostics) is { } m)
                maps[p.Pid] = m;
        }
        return (maps, newer with { Diagnostics = diagnostics });
    }

    private static SystemSnapshot ReadOnce(KernelRoot root)
    {
        using var sampler = new Sampler(root);
        return sampler.Sample(ProcessFiles.All);
    }
}
