using TopSharp.Core;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Ui;

/// <summary>
/// The dashboard's sampler loop for a root: the live machine every delay, or, for a captured tree
/// holding <c>t0/</c> and <c>t1/</c>, that pair once (timed by each capture's own proc/uptime).
/// </summary>
public static class SamplerLoops
{
    public static SamplerLoop For(KernelRoot root, TimeSpan delay, TimeProvider time)
    {
        KernelRoot t0 = new(Path.Join(root.Path, "t0")), t1 = new(Path.Join(root.Path, "t1"));
        if (!root.IsLive && Directory.Exists(t0.Proc("")) && Directory.Exists(t1.Proc("")))
            return SamplerLoop.Frozen(files => Captured(t0, files), files => Captured(t1, files), SnapshotRates.Between, time);
        var sampler = new Sampler(root);
        return SamplerLoop.Live(sampler.Sample, SnapshotRates.Between, time, delay);
    }

    /// <summary>
    /// Reads one process's numa_maps below the root the loop samples (t1 for a captured pair). Called on the
    /// sampler's thread for the selected process only: the file walks page tables.
    /// </summary>
    public static Func<int, NumaMaps?> NumaMapsReader(KernelRoot root)
    {
        KernelRoot t1 = new(Path.Join(root.Path, "t1"));
        KernelRoot newest = !root.IsLive && Directory.Exists(t1.Proc("")) ? t1 : root;
        var file = new KernelFile(64 * 1024);
        return pid =>
        {
            lock (file) return Core.Numa.NumaMapsReader.Read(newest, file, pid, []);
        };
    }

    private static SystemSnapshot Captured(KernelRoot root, ProcessFiles files)
    {
        using var sampler = new Sampler(root);
        SystemSnapshot s = sampler.Sample(files);
        return s.Uptime is { } u ? s with { Timestamp = TimeSpan.FromSeconds(u.UptimeSeconds) } : s;
    }
}
