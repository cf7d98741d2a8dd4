using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The process table, drawn by hand: a header with the sort indicator, the visible rows only, and a
/// line below for the selected command line, the search/filter input or a message. TableView
/// redraws in 35-45 ms at 160x50 whatever the row count; this view draws only what is visible and
/// only when the state, the scroll position or the input changed.
/// </summary>
public sealed class ProcessTableView : View
{
    private const int ScrollStep = 8;
    private const int WheelStep = 3;
    private static readonly Rune Replacement = new('?');

    private readonly IProcessTableModel _model;
    private readonly TableActions _actions;
    private readonly InputLine _input = new();
    private ProcessTableState _drawn = ProcessTableState.Empty;
    private string? _message;
    private int _top;
    private int _left;

    public ProcessTableView(IProcessTableModel model, ITablePrompts prompts)
    {
        _model = model;
        _actions = new TableActions(model, prompts);
        CanFocus = true;
        _model.StateChanged += OnStateChanged;
    }

    /// <summary>The first row on screen.</summary>
    public int TopRow => _top;

    /// <summary>Columns scrolled off to the left.</summary>
    public int LeftColumn => _left;

    public InputLine Input => _input;

    /// <summary>The line under the table when it is not the command line (errors, "signal sent").</summary>
    public string? Message => _message;

    private int BodyTop => 1;
    private int BodyHeight => Math.Max(0, Viewport.Height - (Viewport.Height >= 3 ? 2 : 1));

    private void OnStateChanged(object? sender, EventArgs e)
    {
        if (!ReferenceEquals(_model.State, _drawn)) SetNeedsDraw();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _model.StateChanged -= OnStateChanged;
        base.Dispose(disposing);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var state = _drawn = _model.State;
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        ScrollToSelection(state);
        var layout = ColumnLayout.Of(state.Columns);
        LimitHorizontalScroll(state, layout, width);

        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        var header = new Attribute(normal.Foreground, normal.Background, TextStyle.Reverse);
        string blank = new(' ', width);

        SetAttribute(header);
        AddStr(0, 0, blank);
        for (int c = 0; c < state.Columns.Count; c++)
        {
            var column = state.Columns[c];
            bool sorted = c == state.SortColumn;
            SetAttribute(sorted ? new Attribute(normal.Foreground, normal.Background, TextStyle.Reverse | TextStyle.Bold) : header);
            string title = sorted ? ColumnLayout.WithSortIndicator(column, layout.Widths[c], state.SortDescending) : column.Title;
            DrawCell(layout.Starts[c], 0, title, layout.Widths[c], column.AlignRight, width, _left);
        }

        Attribute focus = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active);
        var tagged = new Attribute(Color.BrightYellow, normal.Background, TextStyle.Bold);
        int cpuColumn = state.Columns.ToList().FindIndex(c => c.Id == ColumnLayout.CpuColumnId);
        for (int y = 0; y < BodyHeight; y++)
        {
            int index = _top + y;
            Attribute rowAttr = index == state.Selected ? focus : index < state.Rows.Count && state.Rows[index].Tagged ? tagged : normal;
            SetAttribute(rowAttr);
            AddStr(0, BodyTop + y, blank);
            if (index >= state.Rows.Count) continue;
            var row = state.Rows[index];
            for (int c = 0; c < state.Columns.Count && c < row.Cells.Length; c++)
            {
                if (c == cpuColumn && rowAttr == normal) SetAttribute(new Attribute(CpuColor(row.CpuPct, normal.Foreground), normal.Background));
                DrawCell(layout.Starts[c], BodyTop + y, row.Cells[c], layout.Widths[c], state.Columns[c].AlignRight, width, _left);
                if (c == cpuColumn) SetAttribute(rowAttr);
            }
        }

        if (height >= 3) DrawFooter(state, normal, blank, width, height - 1);
        return true;
    }

    private void DrawFooter(ProcessTableState state, Attribute normal, string blank, int width, int y)
    {
        string text;
        if (_input.Mode != InputMode.None)
        {
            text = _input.Prompt;
            SetAttribute(_input.NotFound ? new Attribute(Color.BrightRed, normal.Background) : new Attribute(Color.BrightCyan, normal.Background));
        }
        else if (_message is not null)
        {
            text = _message;
            SetAttribute(new Attribute(Color.BrightYellow, normal.Background));
        }
        else
        {
            text = state.SelectedRow?.Cmdline ?? "";
            SetAttribute(normal);
        }
        AddStr(0, y, blank);
        DrawCell(0, y, text, width, alignRight: false, width, scroll: 0);
    }

    /// <summary>CPU% by load: 100 is one whole CPU.</summary>
    internal static Color CpuColor(double cpuPct, Color normal) =>
        cpuPct >= 90 ? Color.BrightRed : cpuPct >= 50 ? Color.Yellow : normal;

    /// <summary>
    /// Draws <paramref name="text"/> in the cell that starts at table column <paramref name="start"/> and is
    /// <paramref name="cellWidth"/> wide (0: to the end of the text), shifted by the horizontal scroll and
    /// clipped to the screen. Widths are counted in terminal columns; zero-width runes are left out.
    /// </summary>
    private void DrawCell(int start, int y, string text, int cellWidth, bool alignRight, int screenWidth, int scroll)
    {
        int textColumns = cellWidth > 0 && alignRight ? Columns(text) : 0;
        int column = alignRight ? Math.Max(0, cellWidth - textColumns) : 0;
        int limit = cellWidth > 0 ? cellWidth : int.MaxValue;
        foreach (Rune raw in text.EnumerateRunes())
        {
            Rune rune = Rune.IsControl(raw) ? Replacement : raw;   // the view model escapes; this is the backstop
            int runeColumns = rune.GetColumns();
            if (runeColumns <= 0) continue;
            if (column + runeColumns > limit) break;
            int x = start + column - scroll;
            if (x >= screenWidth) break;
            if (x >= 0) AddRune(x, y, rune);
            else if (x + runeColumns > 0) AddRune(0, y, (Rune)' ');
            column += runeColumns;
        }
    }

    private static int Columns(string text)
    {
        int columns = 0;
        foreach (Rune rune in text.EnumerateRunes()) columns += Math.Max(0, rune.GetColumns());
        return columns;
    }

    /// <summary>Keeps the selection on screen, and the screen within the rows.</summary>
    private void ScrollToSelection(ProcessTableState state)
    {
        int body = BodyHeight;
        if (state.Selected >= 0 && body > 0)
        {
            if (state.Selected < _top) _top = state.Selected;
            else if (state.Selected >= _top + body) _top = state.Selected - body + 1;
        }
        _top = Math.Clamp(_top, 0, Math.Max(0, state.Rows.Count - body));
    }

    /// <summary>Scrolls right no further than the end of the longest visible line.</summary>
    private void LimitHorizontalScroll(ProcessTableState state, ColumnLayout layout, int width)
    {
        if (_left == 0 || layout.Starts.Count == 0) return;
        int last = layout.Starts.Count - 1, longest = layout.Starts[last] + layout.Widths[last];
        for (int i = _top; i < Math.Min(state.Rows.Count, _top + BodyHeight); i++)
            if (state.Rows[i].Cells.Length > last) longest = Math.Max(longest, layout.Starts[last] + Columns(state.Rows[i].Cells[last]));
        _left = Math.Min(_left, Math.Max(0, longest - width / 2));
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_input.Mode != InputMode.None && EditInput(key)) return true;
        if (!ProcessTableKeys.TryGet(key, out var command)) return false;
        _message = null;
        Execute(command);
        SetNeedsDraw();
        return true;
    }

    /// <summary>Runs one table command, as a key or a menu would.</summary>
    public void Execute(TableCommand command)
    {
        var state = _model.State;
        int page = Math.Max(1, BodyHeight - 1);
        switch (command)
        {
            case TableCommand.Up: SelectRow(state.Selected - 1); break;
            case TableCommand.Down: SelectRow(state.Selected + 1); break;
            case TableCommand.PageUp: _top = Math.Max(0, _top - page); SelectRow(state.Selected - page); break;
            case TableCommand.PageDown: _top += page; SelectRow(state.Selected + page); break;
            case TableCommand.Home: SelectRow(0); break;
            case TableCommand.End: SelectRow(state.Rows.Count - 1); break;
            case TableCommand.ScrollLeft: _left = Math.Max(0, _left - ScrollStep); break;
            case TableCommand.ScrollRight: _left += ScrollStep; break;
            case TableCommand.Setup: _actions.Setup(); break;
            case TableCommand.Search: BeginInput(InputMode.Search, ""); break;
            case TableCommand.Filter: BeginInput(InputMode.Filter, ""); break;
            case TableCommand.SortMenu: _actions.SortMenu(); break;
            case TableCommand.SortPrevious: _actions.SortStep(-1); break;
            case TableCommand.SortNext: _actions.SortStep(+1); break;
            case TableCommand.SortByCpu: _message = _actions.SortByTitle("CPU%"); break;
            case TableCommand.SortByMemory: _message = _actions.SortByTitle("MEM%"); break;
            case TableCommand.SortByTime: _message = _actions.SortByTitle("TIME+"); break;
            case TableCommand.InvertSort: _model.InvertSort(); break;
            case TableCommand.Tree: _model.ToggleTree(); break;
            case TableCommand.Expand: _model.SetSubtreeExpanded(true); break;
            case TableCommand.Collapse: _model.SetSubtreeExpanded(false); break;
            case TableCommand.Threads: _model.ToggleThreads(); break;
            case TableCommand.UserFilter: _actions.UserFilter(); break;
            case TableCommand.Follow: _model.ToggleFollow(); break;
            case TableCommand.Tag: _model.ToggleTag(); SelectRow(state.Selected + 1); break;
            case TableCommand.TagWithChildren: _model.TagWithChildren(); break;
            case TableCommand.UntagAll: _model.UntagAll(); break;
            case TableCommand.Kill: _message = _actions.Kill(); break;
            case TableCommand.NiceDown: _message = _actions.Renice(-1); break;
            case TableCommand.NiceUp: _message = _actions.Renice(+1); break;
        }
        SetNeedsDraw();
    }

    private void SelectRow(int row)
    {
        int count = _model.State.Rows.Count;
        if (count == 0) return;
        _model.Select(Math.Clamp(row, 0, count - 1));
    }

    private void BeginInput(InputMode mode, string initial)
    {
        _input.Begin(mode, initial);
        if (mode == InputMode.Filter) _model.SetFilter(initial);
    }

    /// <summary>Keys while the search or filter line is open; false lets the table handle the key (and closes the line).</summary>
    private bool EditInput(Key key)
    {
        bool search = _input.Mode == InputMode.Search;
        if (key == Key.Esc)
        {
            if (!search) _model.SetFilter("");
            _input.End();
        }
        else if (key == Key.Enter) _input.End();
        else if (key == Key.F3 && search) _input.NotFound = !_model.Find(_input.Text, next: true);
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
        if (search) _input.NotFound = _input.Text.Length > 0 && !_model.Find(_input.Text, next: false);
        else _model.SetFilter(_input.Text);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at) return false;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { SelectRow(_model.State.Selected + WheelStep); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { SelectRow(_model.State.Selected - WheelStep); return true; }
        // a quick second click arrives as a double click: on a header it still means "invert"
        if ((mouse.Flags & (MouseFlags.LeftButtonClicked | MouseFlags.LeftButtonDoubleClicked)) == 0) return false;
        if (!HasFocus) SetFocus();
        var state = _model.State;
        if (at.Y == 0)
        {
            int column = ColumnLayout.Of(state.Columns).ColumnAt(at.X + _left);
            if (column >= 0) _actions.HeaderClicked(column);
        }
        else if (at.Y - BodyTop < BodyHeight && _top + at.Y - BodyTop < state.Rows.Count)
            _model.Select(_top + at.Y - BodyTop);
        SetNeedsDraw();
        return true;
    }
}
