using R3;
using TopSharp.Core;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Status;

public enum StatusLevel
{
    None,
    Info,
    Warning,
}

/// <summary>The status line: text (escaped) and how loud it is; <see cref="StatusLevel.None"/> with empty text when all is well.</summary>
public sealed record StatusState(string Text, StatusLevel Level)
{
    public static StatusState Empty { get; } = new("", StatusLevel.None);
}

/// <summary>
/// One status line for the whole frame. A message (a kill result, a config problem) shows for
/// <see cref="MessageDuration"/>; otherwise the line shows what the newest snapshot's providers
/// could not read ("meminfo: line 12: unparsable … (+2 more)"), while the rest of the dashboard
/// keeps working.
/// </summary>
public sealed class StatusViewModel : IDisposable
{
    public static TimeSpan MessageDuration { get; } = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ReactiveProperty<StatusState> _state = new(StatusState.Empty);
    private readonly IDisposable _subscription;
    private StatusState _diagnostics = StatusState.Empty;
    private StatusState? _message;
    private ITimer? _expiry;

    public StatusViewModel(Observable<Sample> samples, TimeProvider time)
    {
        _time = time;
        _subscription = samples.Subscribe(s => SetDiagnostics(s.Snapshot.Diagnostics));
    }

    public ReadOnlyReactiveProperty<StatusState> State => _state;

    /// <summary>Shows <paramref name="text"/> for <see cref="MessageDuration"/>.</summary>
    public void Post(string text, StatusLevel level = StatusLevel.Info)
    {
        lock (_gate)
        {
            _message = new StatusState(TerminalText.Escape(text), level);
            _expiry?.Dispose();
            _expiry = _time.CreateTimer(_ => Expire(), null, MessageDuration, Timeout.InfiniteTimeSpan);
            Publish();
        }
    }

    /// <summary>Forwards every message of <paramref name="source"/>; dispose the result to stop.</summary>
    public IDisposable Listen(Observable<string> source, StatusLevel level) => source.Subscribe(m => Post(m, level));

    /// <summary>"meminfo: line 12: unparsable (+2 more)", or "" when there are none.</summary>
    public static string Summarize(IReadOnlyList<ParseDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0) return "";
        ParseDiagnostic d = diagnostics[0];
        string line = d.Line > 0 ? $"line {d.Line}: " : "";
        string more = diagnostics.Count > 1 ? $" (+{diagnostics.Count - 1} more)" : "";
        return TerminalText.Escape($"{d.Source}: {line}{d.Reason}{more}");
    }

    private void SetDiagnostics(IReadOnlyList<ParseDiagnostic> diagnostics)
    {
        lock (_gate)
        {
            string text = Summarize(diagnostics);
            _diagnostics = text.Length == 0 ? StatusState.Empty : new StatusState(text, StatusLevel.Warning);
            Publish();
        }
    }

    private void Expire()
    {
        lock (_gate)
        {
            _message = null;
            Publish();
        }
    }

    private void Publish() => _state.Value = _message ?? _diagnostics;

    public void Dispose()
    {
        lock (_gate)
        {
            _subscription.Dispose();
            _expiry?.Dispose();
        }
    }
}
