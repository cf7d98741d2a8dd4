using System.Globalization;
using R3;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Numa;

/// <summary>
/// Turns each sample, and the process table's selection, into the NUMA pane's <see cref="NumaState"/>.
/// numa_maps walks page tables, so it is read for the selected process only, through <paramref name="readNumaMaps"/>
/// unless the sample already holds it (the NODE and REMOTE% columns ask for the rows on screen).
/// </summary>
public sealed class NumaViewModel : IDisposable
{
    /// <summary>A node whose interval miss share reaches this many percent is highlighted.</summary>
    public const double HighMissPct = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly ReactiveProperty<NumaState> _state = new(NumaState.Empty);
    private readonly IDisposable _subscription;

    /// <param name="readNumaMaps">/proc/PID/numa_maps of the sampled root; null where it cannot be read (no placement bars).</param>
    public NumaViewModel(Observable<Sample> samples, Observable<ProcessKey?> selected, Func<int, NumaMaps?>? readNumaMaps) =>
        _subscription = samples.CombineLatest(selected.Prepend((ProcessKey?)null), (s, k) => (s, k))
            .Subscribe(x => _state.Value = Build(x.s, x.k, readNumaMaps));

    public ReadOnlyReactiveProperty<NumaState> State => _state;

    /// <summary>The pure mapping (the numa_maps reader aside).</summary>
    public static NumaState Build(Sample sample, ProcessKey? selected, Func<int, NumaMaps?>? readNumaMaps)
    {
        if (sample.Snapshot.Numa is not { } numa)
            return new NumaState("", [], null, "no NUMA: this kernel has no /sys/devices/system/node (CONFIG_NUMA off)");
        IReadOnlyList<NodeRates> rates = sample.Rates?.Nodes ?? [];
        var rows = numa.Nodes.Select(n => Row(n, rates.FirstOrDefault(r => r.Node == n.Node), numa.States.Online)).ToList();
        string summary = $"{numa.Nodes.Count} node{(numa.Nodes.Count == 1 ? "" : "s")} online {numa.States.Online}"
            + $", CPUs on {Or(numa.States.HasCpu)}, memory on {Or(numa.States.HasMemory)}";
        return new NumaState(summary, rows, Placement(sample.Snapshot, selected, readNumaMaps), null);
    }

    private static string Or(CpuList nodes) => nodes.Count == 0 ? "none" : nodes.ToString();

    private static NumaNodeRow Row(NumaNode n, NodeRates? r, CpuList online)
    {
        double used = n.MemTotalBytes == 0 ? 0 : (double)n.MemUsedBytes / n.MemTotalBytes;
        return new NumaNodeRow(
            n.Node,
            n.HasCpu && n.Cpus.Count > 0 ? n.Cpus.ToString() : "no CPUs",
            n.HasMemory && n.MemTotalBytes > 0 ? $"{Units.Bytes(n.MemUsedBytes)}/{Units.Bytes(n.MemTotalBytes)}" : "no memory",
            used,
            Rate(r?.NumaHitPerSec), Rate(r?.NumaMissPerSec), Rate(r?.NumaForeignPerSec),
            r?.MissPct is { } miss ? Units.Percent(miss) : "-",
            r?.MissPct >= HighMissPct,
            r?.Cpu is { } cpu ? Units.Percent(cpu.Busy) : "-",
            online.Ids.Select(o => n.DistanceTo(o, online)?.ToString(Invariant) ?? "?").ToList(),
            n.HugePages.Select(HugePages).ToList());
    }

    /// <summary><c>2M 10/16</c>: free of total pages of that size; <c>+2</c> for surplus pages.</summary>
    private static string HugePages(HugePagePool pool) =>
        $"{PageSize(pool.PageSizeBytes)} {pool.Free}/{pool.Total}" + (pool.Surplus > 0 ? $" +{pool.Surplus}" : "");

    /// <summary>A huge page size as its kernel name reads: <c>64K</c>, <c>2M</c>, <c>1G</c>.</summary>
    internal static string PageSize(ulong bytes) =>
        bytes >= 1UL << 30 && bytes % (1UL << 30) == 0 ? $"{bytes >> 30}G"
        : bytes >= 1UL << 20 && bytes % (1UL << 20) == 0 ? $"{bytes >> 20}M"
        : $"{bytes >> 10}K";

    private static string Rate(double? perSec) => perSec is { } v ? v.ToString("0.0", Invariant) : "-";

    private static NumaPlacement? Placement(SystemSnapshot snapshot, ProcessKey? selected, Func<int, NumaMaps?>? readNumaMaps)
    {
        if (selected is not { } key) return null;
        ProcessSample? found = null;
        foreach (ProcessSample p in snapshot.Processes)
            if (p.Key == key) found = p;
        if (found is not { } process) return null;
        string comm = TerminalText.Escape(process.Comm);
        string mems = process.Status?.MemsAllowedList ?? "?";
        NumaMaps? maps = snapshot.NumaMaps.GetValueOrDefault(process.Pid) ?? readNumaMaps?.Invoke(process.Pid);
        if (maps is null)
            return new NumaPlacement(process.Pid, comm, mems, "", [], readNumaMaps is null ? "numa_maps is not read for this root" : "numa_maps unreadable (process gone, or needs root)");
        ulong total = maps.TotalBytes;
        var shares = maps.BytesByNode.Select(n => new NodeShare(n.Node, total == 0 ? 0 : (double)n.Bytes / total, Units.Bytes(n.Bytes))).ToList();
        string policies = string.Join(", ", maps.Policies().Select(p => $"{p.Policy} {Units.Bytes(p.Bytes)}"));
        return new NumaPlacement(process.Pid, comm, mems, policies, shares, total == 0 ? "nothing resident" : null);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _state.Dispose();
    }
}
