using R3;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// The rows on screen, as the view reports them, and the numa_maps they need: NODE and REMOTE% come from
/// a file that walks page tables, so only the processes of the rows on screen are asked for.
/// </summary>
public sealed partial class ProcessTableViewModel
{
    private readonly ReactiveProperty<IReadOnlySet<int>> _numaMapsPids = new(SampleRequest.NoPids, SameSet.Instance);
    private int _firstVisible;
    private int _visibleCount;

    /// <summary>
    /// The processes whose numa_maps the shown columns need: those of the rows on screen (a thread row's
    /// process), none while neither NODE nor REMOTE% is shown. Feed to <see cref="Sampling.SamplerLoop.SetNumaMapsPids"/>.
    /// </summary>
    public ReadOnlyReactiveProperty<IReadOnlySet<int>> NumaMapsPids => _numaMapsPids;

    /// <summary>The view's window on the rows: the first one on screen and how many fit.</summary>
    public void SetVisibleRows(int first, int count)
    {
        lock (_gate)
        {
            if (first == _firstVisible && count == _visibleCount) return;
            (_firstVisible, _visibleCount) = (first, count);
            PublishNumaMapsPids();
        }
    }

    /// <summary>Caller holds the lock.</summary>
    private void PublishNumaMapsPids()
    {
        if ((_files.Value & ProcessFiles.NumaMaps) == 0)
        {
            _numaMapsPids.Value = SampleRequest.NoPids;
            return;
        }
        int first = Math.Clamp(_firstVisible, 0, _rowProcessPids.Length);
        int end = (int)Math.Min(_rowProcessPids.Length, (long)first + Math.Max(0, _visibleCount));
        var pids = new HashSet<int>(end - first);
        for (int i = first; i < end; i++)
            if (_rowProcessPids[i] > 0) pids.Add(_rowProcessPids[i]);   // a heading row has none
        _numaMapsPids.Value = pids;
    }

    /// <summary>Two PID sets are the same request when they hold the same PIDs.</summary>
    private sealed class SameSet : IEqualityComparer<IReadOnlySet<int>>
    {
        public static SameSet Instance { get; } = new();

        public bool Equals(IReadOnlySet<int>? x, IReadOnlySet<int>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SetEquals(y));

        public int GetHashCode(IReadOnlySet<int> set) => set.Count;
    }
}
