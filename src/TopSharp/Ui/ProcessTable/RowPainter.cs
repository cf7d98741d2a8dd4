using System.Drawing;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TopSharp.ViewModels.Processes;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// Draws the table's lines into a view. Each line is composed in a buffer (cells clipped to their
/// width and to the screen, shifted by the horizontal scroll, coloured by the row's flags), then only
/// the cells that differ from what the screen holds are written: Terminal.Gui sends every written cell
/// to the terminal, so an unchanged cell costs nothing. Widths are counted in terminal columns.
/// </summary>
internal sealed class RowPainter(View view)
{
    private static readonly Rune Space = new(' ');
    private static readonly Rune Replacement = new('?');

    private Rune[] _runes = [];
    private Attribute[] _attrs = [];
    private bool[] _covered = [];
    private Attribute _normal;
    private Attribute _selected;
    private Cell[,]? _screen;
    private Point _origin;
    private int _width;

    public void Begin(int width, Attribute normal, Attribute selected)
    {
        if (_runes.Length != width)
        {
            _runes = new Rune[width];
            _attrs = new Attribute[width];
            _covered = new bool[width];
        }
        _width = width;
        _normal = normal;
        _selected = selected;
        _screen = view.App?.Driver?.Contents;
        _origin = view.ViewportToScreen(Point.Empty);
    }

    /// <summary>The column titles at line <paramref name="y"/>, the sort column in bold.</summary>
    public void Header(ColumnLayout layout, int left, int y = 0)
    {
        var header = new Attribute(_normal.Foreground, _normal.Background, TextStyle.Reverse);
        var sorted = new Attribute(_normal.Foreground, _normal.Background, TextStyle.Reverse | TextStyle.Bold);
        Clear(header);
        for (int c = 0; c < layout.Columns.Count; c++)
        {
            var column = layout.Columns[c];
            Put(layout.Starts[c], ColumnLayout.HeaderText(column), column.Width, column.Alignment == ColumnAlignment.Right, left,
                column.Sorted ? sorted : header);
        }
        Flush(y);
    }

    /// <summary>One row at screen line <paramref name="y"/>; null draws an empty line.</summary>
    public void Row(ColumnLayout layout, ProcessRow? row, int y, int left)
    {
        Line(layout, row?.Cells, row is null ? _normal : RowAttribute(row), y, left);
    }

    /// <summary>A row of another table drawn with these columns (the cgroup tree); null draws an empty line.</summary>
    public void Cells(ColumnLayout layout, IReadOnlyList<string>? cells, bool selected, int y, int left) =>
        Line(layout, cells, selected ? _selected : _normal, y, left);

    private void Line(ColumnLayout layout, IReadOnlyList<string>? cells, Attribute attr, int y, int left)
    {
        Clear(attr);
        if (cells is not null)
        {
            bool plain = attr == _normal;
            for (int c = 0; c < layout.Columns.Count && c < cells.Count; c++)
            {
                var column = layout.Columns[c];
                Attribute cell = plain && column.Id == ColumnId.CpuPercent && ProcessTableView.CpuColor(cells[c]) is { } load
                    ? new Attribute(load, _normal.Background)
                    : attr;
                Put(layout.Starts[c], cells[c], column.Width, column.Alignment == ColumnAlignment.Right, left, cell);
            }
        }
        Flush(y);
    }

    /// <summary>A row of another table built on this painter (the opens view): <paramref name="colorOf"/> may give a cell its own foreground.</summary>
    public void Cells(ColumnLayout layout, IReadOnlyList<string> cells, int y, int left, Func<int, Color?>? colorOf = null)
    {
        Clear(_normal);
        for (int c = 0; c < layout.Columns.Count && c < cells.Count; c++)
        {
            var column = layout.Columns[c];
            Attribute attr = colorOf?.Invoke(c) is { } fg ? new Attribute(fg, _normal.Background) : _normal;
            Put(layout.Starts[c], cells[c], column.Width, column.Alignment == ColumnAlignment.Right, left, attr);
        }
        Flush(y);
    }

    /// <summary>The line under the table, never scrolled.</summary>
    public void Foot(int y, string text, Color? color)
    {
        Attribute attr = color is { } fg ? new Attribute(fg, _normal.Background) : _normal;
        Clear(attr);
        Put(0, text, _width, alignRight: false, left: 0, attr);
        Flush(y);
    }

    /// <summary>How far right the table may scroll: until the longest visible line's end is mid-screen.</summary>
    public static int MaxLeft(ProcessTableState state, ColumnLayout layout, int top, int rows, int width)
    {
        if (layout.Starts.Count == 0) return 0;
        int last = layout.Starts.Count - 1, longest = layout.Starts[last] + layout.Columns[last].Width;
        for (int i = top; i < Math.Min(state.Rows.Count, top + rows); i++)
            if (state.Rows[i].Cells.Count > last) longest = Math.Max(longest, layout.Starts[last] + Columns(state.Rows[i].Cells[last]));
        return Math.Max(0, longest - width / 2);
    }

    private Attribute RowAttribute(ProcessRow row)
    {
        if (row.Is(RowFlags.Selected)) return _selected;
        if (row.Is(RowFlags.Heading)) return new Attribute(Color.BrightCyan, _normal.Background, TextStyle.Bold);
        if (row.Is(RowFlags.Tagged)) return new Attribute(Color.BrightYellow, _normal.Background, TextStyle.Bold);
        if (row.Is(RowFlags.Dead)) return new Attribute(Color.Red, _normal.Background);
        if (row.Is(RowFlags.New)) return new Attribute(Color.Green, _normal.Background);
        return row.Is(RowFlags.Thread) ? new Attribute(_normal.Foreground, _normal.Background, TextStyle.Faint) : _normal;
    }

    private void Clear(Attribute attr)
    {
        Array.Fill(_runes, Space);
        Array.Fill(_attrs, attr);
        Array.Clear(_covered);
    }

    /// <summary>
    /// Composes <paramref name="text"/> into the cell that starts at table column <paramref name="start"/> and is
    /// <paramref name="cellWidth"/> wide (0: to the end of the text). Zero-width runes are left out, and a
    /// control character (the view model escapes them; this is the backstop) becomes '?'.
    /// </summary>
    private void Put(int start, string text, int cellWidth, bool alignRight, int left, Attribute attr)
    {
        int column = cellWidth > 0 && alignRight ? Math.Max(0, cellWidth - Columns(text)) : 0;
        int limit = cellWidth > 0 ? cellWidth : int.MaxValue;
        for (int x = Math.Max(0, start - left); x < Math.Min(_width, start - left + Math.Min(limit, _width + left)); x++)
            _attrs[x] = attr;
        foreach (Rune raw in text.EnumerateRunes())
        {
            Rune rune = Rune.IsControl(raw) ? Replacement : raw;
            int runeColumns = Width(rune);
            if (runeColumns <= 0) continue;
            if (column + runeColumns > limit) break;
            int x = start + column - left;
            if (x >= _width || (runeColumns > 1 && x + 1 >= _width)) break;
            if (x >= 0)
            {
                _runes[x] = rune;
                if (runeColumns > 1) _covered[x + 1] = true;
            }
            column += runeColumns;
        }
    }

    /// <summary>Writes the composed line at <paramref name="y"/>, skipping the cells the screen already shows.</summary>
    private void Flush(int y)
    {
        Attribute? current = null;
        for (int x = 0; x < _width; x++)
        {
            if (_covered[x] || Shows(x, y)) continue;
            if (current != _attrs[x]) view.SetAttribute((current = _attrs[x]).Value);
            view.AddRune(x, y, _runes[x]);
        }
    }

    private bool Shows(int x, int y)
    {
        int row = _origin.Y + y, col = _origin.X + x;
        if (_screen is null || row < 0 || col < 0 || row >= _screen.GetLength(0) || col >= _screen.GetLength(1)) return false;
        Cell cell = _screen[row, col];
        if (cell.Attribute != _attrs[x] || cell.Grapheme is not { } grapheme) return false;
        Rune rune = _runes[x];
        return rune.IsBmp ? grapheme.Length == 1 && grapheme[0] == (char)rune.Value : grapheme == rune.ToString();
    }

    private static int Columns(string text)
    {
        if (Ascii.IsValid(text)) return text.Length;
        int columns = 0;
        foreach (Rune rune in text.EnumerateRunes()) columns += Math.Max(0, Width(rune));
        return columns;
    }

    /// <summary>Terminal columns of one rune; printable ASCII (nearly every cell) without the Unicode width lookup.</summary>
    private static int Width(Rune rune) => rune.Value is >= 0x20 and < 0x7F ? 1 : rune.GetColumns();
}
