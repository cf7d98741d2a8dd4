using R3;

namespace TopSharp.ViewModels.Layout;

/// <summary>
/// Which panes are shown and where: tab/number-key switching, single or split, the split's ratio,
/// and which half has the focus. A split needs two panes; with one it is refused with a message.
/// </summary>
public sealed class LayoutViewModel : IDisposable
{
    public const double MinRatio = 0.2;
    public const double MaxRatio = 0.8;

    private readonly object _gate = new();
    private readonly ReactiveProperty<LayoutState> _state;
    private readonly Subject<string> _messages = new();

    /// <param name="panes">The panes this build offers, in tab order; at least one.</param>
    public LayoutViewModel(IReadOnlyList<PaneId> panes, LayoutSettings settings)
    {
        if (panes.Count == 0) throw new ArgumentException("at least one pane", nameof(panes));
        PaneId primary = panes.Contains(settings.Primary) ? settings.Primary : panes[0];
        PaneId secondary = panes.Contains(settings.Secondary) && settings.Secondary != primary ? settings.Secondary : OtherThan(panes, primary);
        SplitMode split = secondary == primary ? SplitMode.Single : settings.Split;
        _state = new ReactiveProperty<LayoutState>(new LayoutState(panes, primary, secondary, false, split, ClampRatio(settings.SplitRatio)));
    }

    public ReadOnlyReactiveProperty<LayoutState> State => _state;

    /// <summary>"a split needs two panes".</summary>
    public Observable<string> Messages => _messages;

    public LayoutSettings Settings
    {
        get
        {
            LayoutState s = _state.Value;
            return new LayoutSettings { Primary = s.Primary, Secondary = s.Secondary, Split = s.Split, SplitRatio = s.SplitRatio };
        }
    }

    /// <summary>Shows <paramref name="pane"/> in the focused half; if the other half shows it, the two swap.</summary>
    public void Show(PaneId pane) => Change(s =>
    {
        if (!s.Panes.Contains(pane)) return s;
        if (!s.IsSplit) return s with { Primary = pane, Secondary = pane == s.Secondary ? s.Primary : s.Secondary };
        if (s.SecondaryFocused)
            return pane == s.Primary ? s with { Primary = s.Secondary, Secondary = pane } : s with { Secondary = pane };
        return pane == s.Secondary ? s with { Secondary = s.Primary, Primary = pane } : s with { Primary = pane };
    });

    /// <summary>Number key <paramref name="number"/> (1-based); out of range does nothing.</summary>
    public void ShowNumber(int number)
    {
        IReadOnlyList<PaneId> panes = _state.Value.Panes;
        if (number >= 1 && number <= panes.Count) Show(panes[number - 1]);
    }

    /// <summary>The next tab in the focused half (wrapping); <paramref name="step"/> −1 for the previous.</summary>
    public void NextPane(int step = 1)
    {
        LayoutState s = _state.Value;
        int i = s.Panes.ToList().IndexOf(s.Active);
        Show(s.Panes[((i + step) % s.Panes.Count + s.Panes.Count) % s.Panes.Count]);
    }

    public void SetSplit(SplitMode split) => Change(s =>
    {
        if (split != SplitMode.Single && s.Panes.Count < 2)
        {
            _messages.OnNext("a split needs two panes");
            return s;
        }
        PaneId secondary = s.Secondary == s.Primary ? OtherThan(s.Panes, s.Primary) : s.Secondary;
        return s with { Split = split, Secondary = secondary, SecondaryFocused = split != SplitMode.Single && s.SecondaryFocused };
    });

    /// <summary>Single → side by side → stacked → single.</summary>
    public void CycleSplit() => SetSplit(_state.Value.Split switch
    {
        SplitMode.Single => SplitMode.Vertical,
        SplitMode.Vertical => SplitMode.Horizontal,
        _ => SplitMode.Single,
    });

    /// <summary>Moves the focus to the other half of a split.</summary>
    public void FocusOther() => Change(s => s.IsSplit ? s with { SecondaryFocused = !s.SecondaryFocused } : s);

    /// <summary>Grows the first half by <paramref name="delta"/> (e.g. ±0.05), within 0.2..0.8.</summary>
    public void ResizeSplit(double delta) => Change(s => s with { SplitRatio = ClampRatio(s.SplitRatio + delta) });

    /// <summary>Sets the first half's share, e.g. after a mouse drag of the split line.</summary>
    public void SetSplitRatio(double ratio) => Change(s => s with { SplitRatio = ClampRatio(ratio) });

    private void Change(Func<LayoutState, LayoutState> change)
    {
        lock (_gate) _state.Value = change(_state.Value);
    }

    private static double ClampRatio(double ratio) => double.IsFinite(ratio) ? Math.Round(Math.Clamp(ratio, MinRatio, MaxRatio), 3) : 0.5;

    private static PaneId OtherThan(IReadOnlyList<PaneId> panes, PaneId pane) => panes.FirstOrDefault(p => p != pane, pane);

    public void Dispose()
    {
        _state.Dispose();
        _messages.Dispose();
    }
}
