using R3;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Memory;

/// <summary>
/// The memory map of one process (<see cref="Key"/>), re-read on every sample: smaps, smaps_rollup and numa_maps through
/// <paramref name="readMap"/>, the page cache through <paramref name="readCache"/>. Keeps the previous read's RSS per VMA
/// to show what changed. Commands change <see cref="MapViewSettings"/>; every state is a pure function of the reads.
/// </summary>
public sealed class MemoryMapViewModel : IDisposable
{
    private readonly ReactiveProperty<MemoryMapState> _state = new(MemoryMapState.Empty);
    private readonly Func<int, MemoryMap?> _readMap;
    private readonly Func<int, Smaps, ProcessPageCache>? _readCache;
    private readonly IDisposable _subscription;
    private MapViewSettings _settings = MapViewSettings.Default;
    private (MemoryMap Map, ProcessPageCache? Cache, ProcessSample? Process)? _last;
    private IReadOnlyDictionary<ulong, ulong>? _previousRss;

    public MemoryMapViewModel(ProcessKey key, Observable<Sample> samples, Func<int, MemoryMap?> readMap, Func<int, Smaps, ProcessPageCache>? readCache)
    {
        Key = key;
        _readMap = readMap;
        _readCache = readCache;
        _subscription = samples.Subscribe(Refresh);
    }

    public ProcessKey Key { get; }

    public ReadOnlyReactiveProperty<MemoryMapState> State => _state;

    /// <summary>Sorts by <paramref name="column"/>; the same column again reverses the order. Sizes start largest first.</summary>
    public void SortBy(MapColumn column) => Apply(_settings with
    {
        SortBy = column,
        Descending = column == _settings.SortBy ? !_settings.Descending : column is not (MapColumn.Address or MapColumn.Perms or MapColumn.Device or MapColumn.Mapping or MapColumn.Numa),
    });

    /// <summary>The next column to the right (wrapping), for a sort key that steps through them.</summary>
    public void SortByNext() => SortStep(+1);

    /// <summary>The column <paramref name="step"/> places right (or left) of the sort column on screen, wrapping.</summary>
    public void SortStep(int step)
    {
        int n = MapColumnDefinition.All.Count;
        int at = MapColumnDefinition.All.ToList().FindIndex(c => c.Id == _settings.SortBy);
        SortBy(MapColumnDefinition.All[((at + step) % n + n) % n].Id);
    }

    public void ToggleGrouped() => Apply(_settings with { Grouped = !_settings.Grouped });

    public void SetFilter(string text) => Apply(_settings with { Filter = text });

    private void Apply(MapViewSettings settings)
    {
        _settings = settings;
        if (_last is { } last) _state.Value = Build(last.Map, last.Cache, last.Process, _previousRss, settings);
        else _state.Value = _state.Value with { Settings = settings };
    }

    private void Refresh(Sample sample)
    {
        ProcessSample? process = null;
        foreach (ProcessSample p in sample.Snapshot.Processes)
            if (p.Key == Key) process = p;
        MemoryMap? map = process is null ? null : _readMap(Key.Pid);
        if (map is null)
        {
            _state.Value = MemoryMapState.Empty with { Pid = Key.Pid, Title = $"PID {Key.Pid}", Message = "the process has exited: no memory map", Settings = _settings };
            return;
        }
        ProcessPageCache? cache = map.HasAddressSpace ? _readCache?.Invoke(Key.Pid, map.Smaps) : null;
        IReadOnlyDictionary<ulong, ulong>? previous = _last?.Map.Smaps.Vmas.ToDictionary(v => v.Start, v => v.Counters.RssBytes);
        _previousRss = previous;
        _last = (map, cache, process);
        _state.Value = Build(map, cache, process, previous, _settings);
    }

    /// <summary>The pure mapping from one read (and the previous read's RSS) to what the view shows.</summary>
    public static MemoryMapState Build(MemoryMap map, ProcessPageCache? cache, ProcessSample? process, IReadOnlyDictionary<ulong, ulong>? previousRss, MapViewSettings settings)
    {
        string title = $"PID {map.Pid} {TerminalText.Escape(process?.Comm ?? "")}".TrimEnd();
        if (!map.HasAddressSpace)
        {
            string why = process is { IsKernelThread: true } ? "kernel thread: no memory map"
                : process?.Stat.State == 'Z' ? "zombie: no memory map" : "no memory map";
            return new MemoryMapState(map.Pid, title, "", null, why, [], [], null, settings);
        }
        SmapsCounters t = map.Rollup ?? map.Smaps.Totals;
        string totals = $"{map.Smaps.Vmas.Count} VMAs  RSS {MemoryMapRows.Size(t.RssBytes)}  PSS {MemoryMapRows.Size(t.PssBytes)}"
            + $"  anon {MemoryMapRows.Size(t.PssAnonBytes)}  file {MemoryMapRows.Size(t.PssFileBytes)}  shmem {MemoryMapRows.Size(t.PssShmemBytes)}"
            + $"  private {MemoryMapRows.Size(t.PrivateBytes)}  shared {MemoryMapRows.Size(t.SharedBytes)}  swap {MemoryMapRows.Size(t.SwapBytes)}"
            + $"  THP {MemoryMapRows.Size(t.AnonHugePagesBytes)}  locked {MemoryMapRows.Size(t.LockedBytes)}"
            + (map.Rollup is null ? " (summed from smaps)" : "")
            + (process?.Status?.VmRssBytes is { } vmRss ? $"  VmRSS {Units.Bytes(vmRss)}" : "");
        return new MemoryMapState(
            map.Pid, title, totals, map.RssDisagreement(process?.Status?.VmRssBytes), null,
            MemoryMapRows.Build(map, cache, previousRss, settings), MemoryMapRows.Files(cache), cache?.Reason, settings);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _state.Dispose();
    }
}
