using System.Globalization;
using System.Text;
using R3;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.ViewModels.Processes;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The process table, drawn by hand: a header with the sort arrow, the visible rows only, and a line
/// below for the selected command line or the search/filter input. TableView redraws in 35-45 ms at
/// 160x50 whatever the row count; this view draws only the visible cells, and only when the state,
/// the scroll position or the input changed.
/// </summary>
public sealed class ProcessTableView : View
{
    private const int ScrollStep = 8;
    private const int WheelStep = 3;

    private readonly ProcessTableViewModel _vm;
    private readonly TableActions _actions;
    private readonly RowPainter _painter;
    private readonly InputLine _input = new();
    private readonly IDisposable _subscription;
    private ProcessTableState? _drawn;
    private int _top;
    private int _left;

    /// <summary>The dashboard's table: real dialogs, and states marshalled onto <paramref name="app"/>'s main loop.</summary>
    public ProcessTableView(ProcessTableViewModel vm, IApplication app)
        : this(vm, new DialogPrompts(app), new UiSynchronizationContext(app))
    {
    }

    /// <param name="ui">The UI thread's context: states published on the sampler's thread are posted there. Null takes them on the publishing thread (tests).</param>
    public ProcessTableView(ProcessTableViewModel vm, ITablePrompts prompts, SynchronizationContext? ui)
    {
        _vm = vm;
        _actions = new TableActions(vm, prompts);
        _painter = new RowPainter(this);
        CanFocus = true;
        var states = ui is null ? vm.State.AsObservable() : vm.State.ObserveOn(ui);
        _subscription = states.Subscribe(OnStateChanged);
    }

    /// <summary><c>g</c>, <c>a</c>, <c>G</c> on the selected process: handled by the dashboard (Ui/Cgroups/CgroupLinks).</summary>
    public event Action<TableCommand, Core.Processes.ProcessKey>? CgroupRequested;

    /// <summary>The first row on screen.</summary>
    public int TopRow => _top;

    /// <summary>Columns scrolled off to the left.</summary>
    public int LeftColumn => _left;

    public InputMode InputMode => _input.Mode;

    private ProcessTableState State => _vm.State.CurrentValue;

    /// <summary>Rows between the header and the foot line (the foot line is dropped below 3 lines).</summary>
    private int BodyHeight => Math.Max(0, Viewport.Height - (Viewport.Height >= 3 ? 2 : 1));

    private void OnStateChanged(ProcessTableState state)
    {
        if (!ReferenceEquals(state, _drawn)) SetNeedsDraw();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscription.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Every cell of the viewport is drawn by <see cref="RowPainter"/>, which writes only changed cells: clearing first would rewrite them all.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var state = _drawn = State;
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        ScrollToSelection(state);
        _vm.SetVisibleRows(_top, BodyHeight);
        var layout = ColumnLayout.Of(state.Columns);
        _left = Math.Min(_left, RowPainter.MaxLeft(state, layout, _top, BodyHeight, width));

        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        _painter.Begin(width, normal, GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active));
        _painter.Header(layout, _left);
        for (int y = 0; y < BodyHeight; y++)
            _painter.Row(layout, _top + y < state.Rows.Count ? state.Rows[_top + y] : null, 1 + y, _left);
        if (height >= 3) _painter.Foot(height - 1, FootText(state), FootColor(state));
        return true;
    }

    private string FootText(ProcessTableState state)
    {
        if (_input.Mode != InputMode.None) return _input.Prompt(state.SearchFailed);
        var parts = new List<string>(4);
        if (state.Filter.Length > 0) parts.Add($"Filter: {state.Filter}");
        if (state.UserFilter is { } user) parts.Add($"User: {Core.Text.TerminalText.Escape(user)}");
        if (state.PidFilter.Count > 0) parts.Add($"PIDs: {string.Join(',', state.PidFilter)}");
        if (state.CgroupFilter is { } cgroup) parts.Add($"Cgroup: {Core.Text.TerminalText.Escape(cgroup)} (Enter on it in the cgroup pane clears)");
        if (state.Grouped) parts.Add("Grouped by cgroup");
        if (state.Following) parts.Add("Following");
        parts.Add(state.SelectedCommandLine ?? "");
        return string.Join(" │ ", parts);
    }

    private Color? FootColor(ProcessTableState state) => _input.Mode switch
    {
        InputMode.Search when state.SearchFailed => Color.BrightRed,
        InputMode.None => null,
        _ => Color.BrightCyan,
    };

    /// <summary>CPU% by load: 100 is one whole CPU.</summary>
    internal static Color? CpuColor(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double pct)
            ? pct >= 90 ? Color.BrightRed : pct >= 50 ? Color.Yellow : null
            : null;

    /// <summary>Keeps the selection on screen, and the screen within the rows.</summary>
    private void ScrollToSelection(ProcessTableState state)
    {
        int body = BodyHeight;
        if (state.SelectedIndex >= 0 && body > 0)
        {
            if (state.SelectedIndex < _top) _top = state.SelectedIndex;
            else if (state.SelectedIndex >= _top + body) _top = state.SelectedIndex - body + 1;
        }
        _top = Math.Clamp(_top, 0, Math.Max(0, state.Rows.Count - body));
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_input.Mode != InputMode.None && EditInput(key)) return true;
        if (!ProcessTableKeys.TryGet(key, out var command)) return false;
        if (command is TableCommand.Expand or TableCommand.Collapse && !State.Tree) return false;
        Execute(command);
        return true;
    }

    /// <summary>Runs one table command, as a key or a menu would.</summary>
    public void Execute(TableCommand command)
    {
        int page = Math.Max(1, BodyHeight - 1);
        switch (command)
        {
            case TableCommand.Up: _vm.MoveSelection(-1); break;
            case TableCommand.Down: _vm.MoveSelection(+1); break;
            case TableCommand.PageUp: _top = Math.Max(0, _top - page); _vm.MoveSelection(-page); break;
            case TableCommand.PageDown: _top += page; _vm.MoveSelection(+page); break;
            case TableCommand.Home: _vm.Select(0); break;
            case TableCommand.End: _vm.Select(int.MaxValue); break;
            case TableCommand.ScrollLeft: _left = Math.Max(0, _left - ScrollStep); break;
            case TableCommand.ScrollRight: _left += ScrollStep; break;
            case TableCommand.Setup: _actions.Setup(); break;
            case TableCommand.Search: _input.Begin(InputMode.Search, ""); break;
            case TableCommand.Filter: _input.Begin(InputMode.Filter, State.Filter); break;
            case TableCommand.SortMenu: _actions.SortMenu(); break;
            case TableCommand.SortPrevious: _actions.SortStep(-1); break;
            case TableCommand.SortNext: _actions.SortStep(+1); break;
            case TableCommand.SortByCpu: _actions.SortBy(ColumnId.CpuPercent); break;
            case TableCommand.SortByMemory: _actions.SortBy(ColumnId.MemPercent); break;
            case TableCommand.SortByTime: _actions.SortBy(ColumnId.Time); break;
            case TableCommand.InvertSort: _vm.InvertSort(); break;
            case TableCommand.Tree: _vm.ToggleTree(); break;
            case TableCommand.ListMode: _vm.CycleListMode(); break;
            case TableCommand.Expand: _actions.SetExpanded(true); break;
            case TableCommand.Collapse: _actions.SetExpanded(false); break;
            case TableCommand.Threads: _vm.ToggleThreads(); break;
            case TableCommand.UserFilter: _actions.UserFilter(); break;
            case TableCommand.Follow: _vm.ToggleFollow(); break;
            case TableCommand.Tag: _vm.ToggleTag(); break;
            case TableCommand.TagTree: _vm.TagWithDescendants(); break;
            case TableCommand.UntagAll: _vm.UntagAll(); break;
            case TableCommand.Kill: _actions.Kill(); break;
            case TableCommand.NiceDown: _vm.Renice(-1); break;
            case TableCommand.NiceUp: _vm.Renice(+1); break;
            case TableCommand.ShowCgroup or TableCommand.Affinity or TableCommand.MoveToCgroup:
                if (State.Selected is { } selected) CgroupRequested?.Invoke(command, selected);
                break;
        }
        SetNeedsDraw();
    }

    /// <summary>Keys while the search or filter line is open; false lets the table have the key (and closes the line).</summary>
    private bool EditInput(Key key)
    {
        bool search = _input.Mode == InputMode.Search;
        if (key == Key.Esc)
        {
            if (!search) _vm.SetFilter("");
            _input.End();
        }
        else if (key == Key.Enter) _input.End();
        else if (key == Key.F3 && search) _vm.FindNext();
        else if (key == Key.Backspace) { if (_input.Backspace()) Apply(search); }
        else if (!key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) && _input.Append(rune)) Apply(search);
        else
        {
            _input.End();
            SetNeedsDraw();
            return false;
        }
        SetNeedsDraw();
        return true;
    }

    private void Apply(bool search)
    {
        if (search) _vm.SetSearch(_input.Text);
        else _vm.SetFilter(_input.Text);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at) return false;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { _vm.MoveSelection(+WheelStep); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { _vm.MoveSelection(-WheelStep); return true; }
        // a quick second click arrives as a double click: on a header it still means "invert"
        if ((mouse.Flags & (MouseFlags.LeftButtonClicked | MouseFlags.LeftButtonDoubleClicked)) == 0) return false;
        if (!HasFocus) SetFocus();
        var state = State;
        if (at.Y == 0)
        {
            int column = ColumnLayout.Of(state.Columns).ColumnAt(at.X + _left);
            if (column >= 0) _vm.SortBy(state.Columns[column].Id);     // the sort column again inverts
        }
        else if (at.Y - 1 < BodyHeight && _top + at.Y - 1 < state.Rows.Count)
            _vm.Select(_top + at.Y - 1);
        SetNeedsDraw();
        return true;
    }
}
