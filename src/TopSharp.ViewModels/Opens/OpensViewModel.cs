using System.Globalization;
using System.Runtime.InteropServices;
using R3;
using TopSharp.Bpf.Opens;
using TopSharp.Core.Text;

namespace TopSharp.ViewModels.Opens;

/// <summary>
/// The opens view: drains <see cref="IOpenEventSource"/> every <c>interval</c> on a <see cref="TimeProvider"/>
/// timer into a bounded live list and a summary by path, and applies pause, the text filter, "failures only"
/// and the summary's sort. Paused, events still arrive and count; the list stands still until resumed.
/// The timer drains on its own thread and the commands come from the UI thread: one lock serialises them.
/// </summary>
public sealed class OpensViewModel : IDisposable
{
    /// <summary>The live list keeps this many most recent events.</summary>
    public const int Kept = 5000;

    private readonly IOpenEventSource _source;
    private readonly TimeProvider _time;
    private readonly Architecture _arch;
    private readonly ReactiveProperty<OpensState> _state;
    private readonly IDisposable _timer;
    private readonly List<OpenEvent> _drained = [];
    private readonly Queue<OpenEvent> _kept = new();
    private readonly PathSummary _summary = new();
    private readonly Lock _gate = new();
    private OpenEvent[] _frozen = [];
    private long _events, _failures, _pending;
    private bool _disposed;

    public OpensViewModel(IOpenEventSource source, string scope, TimeProvider time, TimeSpan interval, Architecture? arch = null)
    {
        _source = source;
        _time = time;
        _arch = arch ?? RuntimeInformation.ProcessArchitecture;
        _state = new ReactiveProperty<OpensState>(OpensState.Empty(TerminalText.Escape(scope)) with { Unavailable = source.Unavailable });
        _timer = Observable.Interval(interval, time).Subscribe(_ => Refresh());
    }

    public ReadOnlyReactiveProperty<OpensState> State => _state;

    /// <summary>Drains the source and publishes a new state (the timer calls this).</summary>
    public void Refresh()
    {
        lock (_gate)
            if (!_disposed) Drain();
    }

    private void Drain()
    {
        _drained.Clear();
        _source.Drain(_drained);
        foreach (OpenEvent e in _drained)
        {
            _events++;
            if (e.Failed) _failures++;
            _summary.Add(e);
            _kept.Enqueue(e);
            if (_kept.Count > Kept) _kept.Dequeue();
        }
        OpensState s = _state.Value;
        if (s.Paused) _pending += _drained.Count;
        Publish(s);
    }

    public void TogglePause() => Change(s =>
    {
        _pending = 0;
        if (!s.Paused) _frozen = [.. _kept];
        return s with { Paused = !s.Paused };
    });

    public void SetFilter(string text) => Change(s => s with { Filter = text });

    public void ToggleFailuresOnly() => Change(s => s with { FailuresOnly = !s.FailuresOnly });

    public void ToggleSummary() => Change(s => s with { ShowSummary = !s.ShowSummary });

    /// <summary>Count → failures → path → count.</summary>
    public void NextSort() => Change(s => s with { Sort = (SummarySort)(((int)s.Sort + 1) % 3) });

    private void Change(Func<OpensState, OpensState> change)
    {
        lock (_gate)
            if (!_disposed) Publish(change(_state.Value));
    }

    private void Publish(OpensState s)
    {
        IEnumerable<OpenEvent> source = s.Paused ? _frozen : _kept;
        var rows = source.Where(e => Keep(e, s)).Select(Row).ToList();
        var summary = _summary.Sorted(s.Sort, p => (!s.FailuresOnly || p.Failures > 0) && Matches(p.Path, null, s.Filter))
            .Select(p => new PathRow(TerminalText.Escape(p.Path), p.Count, p.Failures, p.LastErrno == 0 ? "" : ErrnoNames.Name(p.LastErrno)))
            .ToList();
        _state.Value = s with
        {
            Unavailable = _source.Unavailable,
            Rows = rows,
            Summary = summary,
            Events = _events,
            Failures = _failures,
            Lost = _source.Lost,
            Pending = s.Paused ? _pending : 0,
        };
    }

    private static bool Keep(OpenEvent e, OpensState s) => (!s.FailuresOnly || e.Failed) && Matches(e.Path ?? "", e.Comm, s.Filter);

    /// <summary>The filter matches the path or the thread name, ignoring case.</summary>
    private static bool Matches(string path, string? comm, string filter) =>
        filter.Length == 0 || path.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (comm?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false);

    private OpenRow Row(OpenEvent e) => new(
        TimeZoneInfo.ConvertTime(e.Time, _time.LocalTimeZone).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        e.Pid,
        TerminalText.Escape(e.Comm),
        e.ResultText,
        e.Failed,
        OpenFlags.Format(e.Flags, _arch),
        PathText(e));

    /// <summary>The escaped path, "…" after a truncated one, or why it could not be read.</summary>
    public static string PathText(OpenEvent e) =>
        e.Path is null ? $"<unreadable: {ErrnoNames.Name(e.PathError)}>"
        : e.PathTruncated ? TerminalText.Escape(e.Path) + "…" : TerminalText.Escape(e.Path);

    /// <summary>Stops the timer and disposes the source (detaching its programs); a drain already running finishes first.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _source.Dispose();
            _state.Dispose();
        }
    }
}
