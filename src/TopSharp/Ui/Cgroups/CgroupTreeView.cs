using R3;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Core.Text;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Cgroups;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Cgroups;

/// <summary>
/// The cgroup pane (its view model belongs to the dashboard, so <c>g</c> can select in it before it is first shown): the tree
/// drawn by the process table's <see cref="RowPainter"/> (only changed cells are written), and a foot line with the mount
/// layout and the selected group's full path. Keys: arrows, PgUp/PgDn,
/// Home/End; Space or Left/Right fold; <c>&lt;</c>/<c>&gt;</c> pick the sort column, <c>I</c> inverts it
/// (a header click sorts too); Enter asks the process table to show only that group (<see cref="FilterRequested"/>).
/// </summary>
public sealed class CgroupTreeView : View
{
    private readonly CgroupTreeViewModel _vm;
    private readonly RowPainter _painter;
    private readonly IDisposable _subscription;
    private int _top;
    private int _left;

    /// <param name="ui">Where state changes from the sampler's thread are posted; null takes them on the publishing thread (tests).</param>
    public CgroupTreeView(CgroupTreeViewModel vm, SynchronizationContext? ui)
    {
        _vm = vm;
        _painter = new RowPainter(this);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var states = ui is null ? vm.State.AsObservable() : vm.State.ObserveOn(ui);
        _subscription = states.Subscribe(_ => SetNeedsDraw());
    }

    /// <summary>The pane's own keys, as the help screen lists them.</summary>
    public static IReadOnlyList<(string Keys, string Text)> Help { get; } =
    [
        ("Space", "fold or unfold the selected cgroup"),
        ("Left Right", "fold / unfold the selected cgroup"),
        ("Shift+Left/Right", "scroll the pane sideways"),
        ("< >", "sort by the previous / next column"),
        ("I", "invert the sort order"),
        ("click a header", "sort by that column (again: invert)"),
        ("Enter", "show only this cgroup's processes (and its descendants') in the process table; again: all"),
        ("o", "trace the file opens of this cgroup and its descendants, live (a cgroup v2 group: eBPF knows no v1 ones)"),
    ];

    /// <summary>Enter on a group: the dashboard filters the process table to it and its descendants.</summary>
    public event Action<Core.Cgroups.CgroupKey>? FilterRequested;

    public CgroupTreeViewModel ViewModel => _vm;

    private CgroupTreeState State => _vm.State.CurrentValue;

    /// <summary>Rows between the header and the foot line (the foot line is dropped below 3 lines).</summary>
    private int BodyHeight => Math.Max(0, Viewport.Height - (Viewport.Height >= 3 ? 2 : 1));

    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        CgroupTreeState state = State;
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        _painter.Begin(width, normal, GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active));
        var layout = ColumnLayout.Of(state.Columns);
        Scroll(state);
        _painter.Header(layout, _left);
        for (int y = 0; y < BodyHeight; y++)
        {
            int i = _top + y;
            _painter.Cells(layout, i < state.Rows.Count ? state.Rows[i].Cells : null, i == state.SelectedIndex, 1 + y, _left);
        }
        if (height >= 3) _painter.Foot(height - 1, Foot(state), null);
        return true;
    }

    /// <summary>Why the tree is empty, or the layout and the selected group's full path.</summary>
    private static string Foot(CgroupTreeState state) =>
        state.Message ?? (state.SelectedRow is { } row ? $"{state.Summary} │ {TerminalText.Escape($"{row.Key.Hierarchy}:{row.Key.Path}")}" : state.Summary);

    private void Scroll(CgroupTreeState state)
    {
        int body = Math.Max(1, BodyHeight);
        if (state.SelectedIndex >= 0)
        {
            if (state.SelectedIndex < _top) _top = state.SelectedIndex;
            else if (state.SelectedIndex >= _top + body) _top = state.SelectedIndex - body + 1;
        }
        _top = Math.Clamp(_top, 0, Math.Max(0, state.Rows.Count - body));
    }

    protected override bool OnKeyDown(Key key)
    {
        int page = Math.Max(1, BodyHeight - 1);
        if (key == Key.CursorUp) _vm.Move(-1);
        else if (key == Key.CursorDown) _vm.Move(+1);
        else if (key == Key.PageUp) _vm.Move(-page);
        else if (key == Key.PageDown) _vm.Move(+page);
        else if (key == Key.Home) _vm.Move(int.MinValue / 2);
        else if (key == Key.End) _vm.Move(int.MaxValue / 2);
        else if (key == Key.Space) _vm.ToggleFold();
        else if (key == Key.CursorLeft) _vm.SetFold(true);
        else if (key == Key.CursorRight) _vm.SetFold(false);
        else if (key == Key.CursorLeft.WithShift) _left = Math.Max(0, _left - 8);
        else if (key == Key.CursorRight.WithShift) _left += 8;
        else if (key.AsRune.Value == '<') SortStep(-1);
        else if (key.AsRune.Value == '>') SortStep(+1);
        else if (KeyMap.Matches(key, new Key('I'))) _vm.SortBy(State.SortColumn);
        else if (key == Key.Enter && State.Selected is { } selected) FilterRequested?.Invoke(selected);
        else return false;
        SetNeedsDraw();
        return true;
    }

    private void SortStep(int step)
    {
        int count = CgroupColumnDefinition.All.Count;
        _vm.SortBy((CgroupColumn)(((int)State.SortColumn + step + count) % count));
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at) return false;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { _vm.Move(+3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { _vm.Move(-3); return true; }
        if ((mouse.Flags & (MouseFlags.LeftButtonClicked | MouseFlags.LeftButtonDoubleClicked)) == 0) return false;
        if (!HasFocus) SetFocus();
        CgroupTreeState state = State;
        if (at.Y == 0)
        {
            int column = ColumnLayout.Of(state.Columns).ColumnAt(at.X + _left);
            if (column >= 0) _vm.SortBy(CgroupColumnDefinition.All[column].Id);
        }
        else if (at.Y >= 1 && at.Y - 1 < BodyHeight && _top + at.Y - 1 < state.Rows.Count) _vm.Move(_top + at.Y - 1 - state.SelectedIndex);
        SetNeedsDraw();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscription.Dispose();
        base.Dispose(disposing);
    }
}
