using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TopSharp.ViewModels.Layout;

namespace TopSharp.Ui.Frame;

/// <summary>
/// The pane area, drawing a <see cref="LayoutState"/>: one pane, or two side by side or stacked.
/// Terminal.Gui 2.5.0 has no splitter, so the second half is <c>LeftResizable</c>/<c>TopResizable</c> and
/// the first fills up to it. A mouse drag turns the second half's position and size absolute;
/// <see cref="ReanchorIfDragged"/> reports the new ratio (<see cref="SplitDragged"/>) and re-anchors, so
/// terminal resizes keep working afterwards. Each pane's view is built on first show and kept.
/// </summary>
public sealed class PaneFrame : View
{
    private readonly IReadOnlyList<PaneDefinition> _panes;
    private readonly PaneContext _context;
    private readonly Dictionary<PaneId, View> _views = [];
    private readonly View _first = new() { CanFocus = true };
    private readonly View _second = new() { CanFocus = true };
    private LayoutState? _state;

    public PaneFrame(IReadOnlyList<PaneDefinition> panes, PaneContext context)
    {
        if (panes.Count == 0) throw new ArgumentException("at least one pane", nameof(panes));
        _panes = panes;
        _context = context;
        CanFocus = true;
        Add(_first, _second);
        // A drag lays out only the dragged view, so the frame's own layout pass may not follow.
        _second.FrameChanged += (_, _) => ReanchorIfDragged();
    }

    /// <summary>The first half's new share after the user dragged the divider.</summary>
    public event EventHandler<double>? SplitDragged;

    public string TitleOf(PaneId id) => _panes.FirstOrDefault(p => p.Id == id)?.Title ?? id.ToString();

    /// <summary>The view of <paramref name="id"/>, if it was shown once.</summary>
    public View? ViewOf(PaneId id) => _views.GetValueOrDefault(id);

    public void Show(LayoutState state)
    {
        LayoutState? old = _state;
        _state = state;
        Host(_first, state.Primary, state);
        if (state.IsSplit) Host(_second, state.Secondary, state);
        else foreach (View v in _second.SubViews.ToList()) _second.Remove(v);
        if (old is null || old.Split != state.Split || old.SplitRatio != state.SplitRatio) ApplyLayout(state);
        if (old is null || old.Active != state.Active || old.SecondaryFocused != state.SecondaryFocused || old.Split != state.Split)
            (state.IsSplit && state.SecondaryFocused ? _second : _first).SetFocus();
    }

    protected override void OnSubViewsLaidOut(LayoutEventArgs args)
    {
        base.OnSubViewsLaidOut(args);
        ReanchorIfDragged();
    }

    private void ReanchorIfDragged()
    {
        if (_state is not { IsSplit: true } state) return;
        bool dragged = _second.X is PosAbsolute || _second.Y is PosAbsolute || _second.Width is DimAbsolute || _second.Height is DimAbsolute;
        if (!dragged) return;
        bool sideBySide = state.Split == SplitMode.Vertical;
        int total = sideBySide ? Viewport.Width : Viewport.Height;
        int secondSize = sideBySide ? _second.Frame.Width : _second.Frame.Height;
        ApplyLayout(state);
        if (total > 0) SplitDragged?.Invoke(this, 1 - (double)secondSize / total);
    }

    private void Host(View half, PaneId id, LayoutState state)
    {
        if (!_views.TryGetValue(id, out View? view))
        {
            view = _panes.FirstOrDefault(p => p.Id == id)?.Create(_context) ?? new PlaceholderPane(id.ToString(), "not in this build");
            view.X = 0;
            view.Y = 0;
            view.Width = Dim.Fill();
            view.Height = Dim.Fill();
            _views[id] = view;
        }
        half.Title = $"{state.NumberOf(id)} {TitleOf(id)}";
        if (view.SuperView == half) return;
        foreach (View old in half.SubViews.ToList()) half.Remove(old);
        view.SuperView?.Remove(view);
        half.Add(view);
    }

    private void ApplyLayout(LayoutState state)
    {
        bool split = state.IsSplit;
        _second.Visible = split;
        _first.BorderStyle = split ? LineStyle.Rounded : LineStyle.None;
        _second.BorderStyle = split ? LineStyle.Rounded : LineStyle.None;
        _first.X = 0;
        _first.Y = 0;
        _second.Arrangement = state.Split switch
        {
            SplitMode.Vertical => ViewArrangement.LeftResizable,
            SplitMode.Horizontal => ViewArrangement.TopResizable,
            _ => ViewArrangement.Fixed,
        };
        double ratio = state.SplitRatio;
        switch (state.Split)
        {
            case SplitMode.Vertical:
                _second.X = Pos.AnchorEnd();
                _second.Y = 0;
                _second.Width = Dim.Func(v => SecondSize(v!.Viewport.Width, ratio), this);
                _second.Height = Dim.Fill();
                _first.Width = Dim.Fill(_second);
                _first.Height = Dim.Fill();
                break;
            case SplitMode.Horizontal:
                _second.X = 0;
                _second.Y = Pos.AnchorEnd();
                _second.Width = Dim.Fill();
                _second.Height = Dim.Func(v => SecondSize(v!.Viewport.Height, ratio), this);
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

    private static int SecondSize(int total, double ratio) => Math.Max(0, total - (int)Math.Round(total * ratio));
}
