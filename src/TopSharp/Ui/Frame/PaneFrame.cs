using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace TopSharp.Ui.Frame;

/// <summary>
/// The pane area: one pane, or two side by side or stacked. The divider moves by keyboard
/// (<see cref="MoveDivider"/>) and by dragging the second pane's border: Terminal.Gui 2.5.0 has no
/// splitter, so the second half is <c>LeftResizable</c>/<c>TopResizable</c> and the first fills up to it.
/// A drag turns the second half's position and size absolute; <see cref="OnSubViewsLaidOut"/> reads the new
/// fraction from it and re-anchors, so terminal resizes keep working afterwards.
/// </summary>
public sealed class PaneFrame : View
{
    public const double MinFraction = 0.15;
    public const double MaxFraction = 0.85;
    public const double Step = 0.05;

    private readonly IReadOnlyList<PaneDefinition> _panes;
    private readonly View?[] _views;
    private readonly View _first = new() { CanFocus = true };
    private readonly View _second = new() { CanFocus = true };

    public PaneFrame(IReadOnlyList<PaneDefinition> panes)
    {
        if (panes.Count == 0) throw new ArgumentException("at least one pane", nameof(panes));
        _panes = panes;
        _views = new View?[panes.Count];
        CanFocus = true;
        Add(_first, _second);
        Host(_first, 0);
        Host(_second, Math.Min(1, panes.Count - 1));
        ApplyLayout();
    }

    public SplitMode Mode { get; private set; } = SplitMode.Single;

    /// <summary>The first half's share of the width (side by side) or height (stacked).</summary>
    public double Fraction { get; private set; } = 0.5;

    public int FirstPane { get; private set; }
    public int SecondPane { get; private set; }

    /// <summary>The pane the keys act on: the second half's when it has focus, else the first's.</summary>
    public int FocusedPane => Mode != SplitMode.Single && _second.HasFocus ? SecondPane : FirstPane;

    /// <summary>The pane shown in the other half of a split; null with one pane.</summary>
    public int? OtherPane => Mode == SplitMode.Single ? null : FocusedPane == FirstPane ? SecondPane : FirstPane;

    public IReadOnlyList<string> Titles => _panes.Select(p => p.Title).ToList();

    /// <summary>Raised when the mode, the fraction or a shown pane changes (to persist it, redraw the tabs).</summary>
    public event EventHandler? LayoutChanged;

    /// <summary>Shows pane <paramref name="index"/> in the focused half; if the other half shows it, the two swap.</summary>
    public void ShowPane(int index)
    {
        if (index < 0 || index >= _panes.Count) return;
        bool second = Mode != SplitMode.Single && _second.HasFocus;
        View target = second ? _second : _first;
        View other = second ? _first : _second;
        int previous = second ? SecondPane : FirstPane;
        if (index == (second ? FirstPane : SecondPane)) Host(other, previous);
        Host(target, index);
        target.SetFocus();
        Changed();
    }

    public void CyclePane(int delta) => ShowPane(((FocusedPane + delta) % _panes.Count + _panes.Count) % _panes.Count);

    /// <summary>Sets the whole layout, e.g. from the saved configuration; out-of-range values are clamped.</summary>
    public void SetLayout(SplitMode mode, double fraction, int firstPane, int secondPane)
    {
        Mode = _panes.Count > 1 ? mode : SplitMode.Single;
        Fraction = Math.Clamp(double.IsFinite(fraction) ? fraction : 0.5, MinFraction, MaxFraction);
        firstPane = Math.Clamp(firstPane, 0, _panes.Count - 1);
        secondPane = Math.Clamp(secondPane, 0, _panes.Count - 1);
        if (secondPane == firstPane) secondPane = (firstPane + 1) % _panes.Count;
        Host(_first, firstPane);
        Host(_second, secondPane);
        ApplyLayout();
        Changed();
    }

    /// <summary>One pane → side by side → stacked → one pane.</summary>
    public void CycleSplit() => SetLayout((SplitMode)(((int)Mode + 1) % 3), Fraction, FirstPane, SecondPane);

    /// <summary>Moves the divider one step: negative shrinks the first half.</summary>
    public void MoveDivider(int direction)
    {
        if (Mode == SplitMode.Single) return;
        SetLayout(Mode, Fraction + Math.Sign(direction) * Step, FirstPane, SecondPane);
    }

    public void SwitchFocus()
    {
        if (Mode == SplitMode.Single) return;
        (_second.HasFocus ? _first : _second).SetFocus();
        Changed();
    }

    protected override void OnSubViewsLaidOut(LayoutEventArgs args)
    {
        base.OnSubViewsLaidOut(args);
        bool dragged = _second.X is PosAbsolute || _second.Y is PosAbsolute || _second.Width is DimAbsolute || _second.Height is DimAbsolute;
        if (Mode == SplitMode.Single || !dragged) return;
        int total = Mode == SplitMode.SideBySide ? Viewport.Width : Viewport.Height;
        int secondSize = Mode == SplitMode.SideBySide ? _second.Frame.Width : _second.Frame.Height;
        if (total > 0) Fraction = Math.Clamp(1 - (double)secondSize / total, MinFraction, MaxFraction);
        ApplyLayout();
        Changed();
    }

    private void Host(View half, int index)
    {
        View view = _views[index] ??= _panes[index].Create();
        if (half == _first) FirstPane = index; else SecondPane = index;
        if (view.SuperView == half) return;
        foreach (View old in half.SubViews.ToList()) half.Remove(old);
        view.SuperView?.Remove(view);
        view.X = 0;
        view.Y = 0;
        view.Width = Dim.Fill();
        view.Height = Dim.Fill();
        half.Add(view);
        half.Title = $"{index + 1} {_panes[index].Title}";
    }

    private void ApplyLayout()
    {
        bool split = Mode != SplitMode.Single;
        _second.Visible = split;
        _first.BorderStyle = split ? LineStyle.Rounded : LineStyle.None;
        _second.BorderStyle = split ? LineStyle.Rounded : LineStyle.None;
        _first.X = 0;
        _first.Y = 0;
        _second.Arrangement = Mode switch
        {
            SplitMode.SideBySide => ViewArrangement.LeftResizable,
            SplitMode.Stacked => ViewArrangement.TopResizable,
            _ => ViewArrangement.Fixed,
        };
        switch (Mode)
        {
            case SplitMode.SideBySide:
                _second.X = Pos.AnchorEnd();
                _second.Y = 0;
                _second.Width = Dim.Func(v => SecondSize(v!.Viewport.Width), this);
                _second.Height = Dim.Fill();
                _first.Width = Dim.Fill(_second);
                _first.Height = Dim.Fill();
                break;
            case SplitMode.Stacked:
                _second.X = 0;
                _second.Y = Pos.AnchorEnd();
                _second.Width = Dim.Fill();
                _second.Height = Dim.Func(v => SecondSize(v!.Viewport.Height), this);
                _first.Width = Dim.Fill();
                _first.Height = Dim.Fill(_second);
                break;
            default:
                _first.Width = Dim.Fill();
                _first.Height = Dim.Fill();
                break;
        }
        SetNeedsLayout();
    }

    private int SecondSize(int total) => Math.Max(0, total - (int)Math.Round(total * Fraction));

    private void Changed() => LayoutChanged?.Invoke(this, EventArgs.Empty);
}
