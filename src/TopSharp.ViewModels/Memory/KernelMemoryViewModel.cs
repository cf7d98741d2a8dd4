using System.Globalization;
using R3;
using TopSharp.Core.Memory;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Memory;

/// <summary>Turns each sample into the kernel memory pane's <see cref="KernelMemoryState"/>: meminfo, vmstat rates, buddyinfo, slabinfo.</summary>
public sealed class KernelMemoryViewModel : IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly ReactiveProperty<KernelMemoryState> _state = new(KernelMemoryState.Empty);
    private readonly IDisposable _subscription;
    private Sample? _last;
    private SlabSort _sort = SlabSort.Memory;

    public KernelMemoryViewModel(Observable<Sample> samples) => _subscription = samples.Subscribe(s =>
    {
        _last = s;
        _state.Value = Build(s, _sort);
    });

    public ReadOnlyReactiveProperty<KernelMemoryState> State => _state;

    /// <summary>Memory → objects → active ratio → memory.</summary>
    public void NextSlabSort()
    {
        _sort = (SlabSort)(((int)_sort + 1) % 3);
        _state.Value = _last is { } s ? Build(s, _sort) : _state.Value with { SlabSort = _sort };
    }

    public static KernelMemoryState Build(Sample sample, SlabSort sort)
    {
        KernelMemory? k = sample.Snapshot.KernelMemory;
        MemInfoBreakdown? m = sample.Snapshot.MemInfo is { } mi ? MemInfoBreakdown.From(mi) : null;
        var bar = m is null ? [] : m.BarParts.Select(p => new BarPart(p.Name, m.TotalBytes == 0 ? 0 : (double)p.Bytes / m.TotalBytes, Units.Bytes(p.Bytes))).ToList();
        var meminfo = m is null ? [] : m.BarParts.Select(p => (p.Name, Units.Bytes(p.Bytes)))
            .Concat([("available", Units.Bytes(m.AvailableBytes)), ("dirty", Units.Bytes(m.DirtyBytes)), ("writeback", Units.Bytes(m.WritebackBytes)), ("total", Units.Bytes(m.TotalBytes))]).ToList();
        IReadOnlyList<VmStatRate> rates = sample.Rates?.VmStat ?? [];
        var vmstat = VmStat.Names.Select(n => (n, rates.FirstOrDefault(r => r.Name == n).PerSecond is { } v ? v.ToString("0.0", Invariant) : "-")).ToList();
        var buddy = k?.BuddyInfo?.Zones.Select(z => new BuddyRow(
            $"Node {z.Node} {z.Zone}", z.FreeBlocks.Select(b => b.ToString(Invariant)).ToList(),
            z.LargestOrder < 0 ? "-" : z.LargestOrder.ToString(Invariant), Units.Bytes(z.FreePages * (ulong)sample.Snapshot.PageSize))).ToList() ?? [];
        IEnumerable<SlabCache> caches = k?.Slab.SlabInfo?.Caches ?? [];
        caches = sort switch
        {
            SlabSort.Objects => caches.OrderByDescending(c => c.NumObjs),
            SlabSort.ActiveRatio => caches.Where(c => c.NumObjs > 0).OrderBy(c => c.ActivePct),
            _ => caches.OrderByDescending(c => c.MemoryBytes),
        };
        var slabs = caches.Select(c => new SlabRow(
            TerminalText.Escape(c.Name), c.NumObjs.ToString(Invariant), c.ActiveObjs.ToString(Invariant), Units.Percent(c.ActivePct),
            c.ObjSizeBytes.ToString(Invariant), Units.Bytes(c.MemoryBytes))).ToList();
        string? reason = k is null ? "kernel memory files were not read" : k.Slab.Reason;
        return new KernelMemoryState(bar, meminfo, vmstat, buddy, slabs, reason, sort);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _state.Dispose();
    }
}
