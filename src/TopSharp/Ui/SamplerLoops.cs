using TopSharp.Core;
using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Ui;

/// <summary>
/// The dashboard's sampler loop for a root: the live machine every delay, or, for a captured tree
/// holding <c>t0/</c> and <c>t1/</c>, that pair once (the sampler times each capture by its own proc/uptime).
/// </summary>
public static class SamplerLoops
{
    /// <param name="addReading">Adds what is read beside /proc to each live snapshot (the sched_switch program's reading).</param>
    public static SamplerLoop For(KernelRoot root, TimeSpan delay, TimeProvider time, Func<SystemSnapshot, SystemSnapshot>? addReading = null)
    {
        if (root.CapturedPair() is (KernelRoot t0, KernelRoot t1))
            return SamplerLoop.Frozen(files => Captured(t0, files), files => Captured(t1, files), SnapshotRates.Between, time);
        var sampler = new Sampler(root);
        return addReading is null
            ? SamplerLoop.Live(sampler.Sample, SnapshotRates.Between, time, delay)
            : SamplerLoop.Live(files => addReading(sampler.Sample(files)), SnapshotRates.Between, time, delay);
    }

    /// <summary>
    /// Reads one process's numa_maps below the root the loop samples (t1 for a captured pair). Called on the
    /// sampler's thread for the selected process only: the file walks page tables.
    /// </summary>
    public static Func<int, NumaMaps?> NumaMapsReader(KernelRoot root)
    {
        KernelRoot newest = root.CapturedPair()?.Newer ?? root;
        var file = new KernelFile(64 * 1024);
        return pid =>
        {
            lock (file) return Core.Numa.NumaMapsReader.Read(newest, file, pid, []);
        };
    }

    /// <summary>Reads one process's smaps, smaps_rollup and numa_maps below the root the loop samples, on the sampler's thread.</summary>
    public static Func<int, MemoryMap?> MemoryMapReader(KernelRoot root)
    {
        KernelRoot newest = root.CapturedPair()?.Newer ?? root;
        var file = new KernelFile(256 * 1024);
        return pid =>
        {
            lock (file) return MemoryMap.Read(newest, file, pid, []);
        };
    }

    /// <summary>The page cache of one process's files (the live machine only; a captured tree says why not).</summary>
    public static Func<int, Smaps, ProcessPageCache> PageCacheReader(KernelRoot root)
    {
        KernelRoot newest = root.CapturedPair()?.Newer ?? root;
        return (pid, smaps) => Core.Memory.PageCacheReader.Read(newest, pid, smaps);
    }

    private static SystemSnapshot Captured(KernelRoot root, SampleRequest request)
    {
        using var sampler = new Sampler(root);
        return sampler.Sample(request);
    }
}
