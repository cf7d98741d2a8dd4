using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TopSharp.ViewModels.Processes;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// Draws the table's lines into a view: cells clipped to their width and to the screen, shifted by
/// the horizontal scroll, coloured by the row's flags. Widths are counted in terminal columns.
/// </summary>
internal sealed class RowPainter(View view)
{
    private static readonly Rune Replacement = new('?');

    private string _blank = "";
    private Attribute _normal;
    private Attribute _selected;
    private int _width;

    public void Begin(int width, Attribute normal, Attribute selected)
    {
        if (_blank.Length != width) _blank = new string(' ', width);
        _width = width;
        _normal = normal;
        _selected = selected;
    }

    public void Header(ColumnLayout layout, int left)
    {
        var header = new Attribute(_normal.Foreground, _normal.Background, TextStyle.Reverse);
        Fill(0, header);
        for (int c = 0; c < layout.Columns.Count; c++)
        {
            var column = layout.Columns[c];
            view.SetAttribute(column.Sorted ? new Attribute(_normal.Foreground, _normal.Background, TextStyle.Reverse | TextStyle.Bold) : header);
            Cell(layout.Starts[c], 0, ColumnLayout.HeaderText(column), column.Width, column.Alignment == ColumnAlignment.Right, left);
        }
    }

    /// <summary>One row at screen line <paramref name="y"/>; null draws an empty line.</summary>
    public void Row(ColumnLayout layout, ProcessRow? row, int y, int left)
    {
        Attribute attr = row is null ? _normal : RowAttribute(row);
        Fill(y, attr);
        if (row is null) return;
        bool plain = attr == _normal;
        for (int c = 0; c < layout.Columns.Count && c < row.Cells.Count; c++)
        {
            var column = layout.Columns[c];
            bool load = plain && column.Id == ColumnId.CpuPercent && ProcessTableView.CpuColor(row.Cells[c]) is not null;
            if (load) view.SetAttribute(new Attribute(ProcessTableView.CpuColor(row.Cells[c])!.Value, _normal.Background));
            Cell(layout.Starts[c], y, row.Cells[c], column.Width, column.Alignment == ColumnAlignment.Right, left);
            if (load) view.SetAttribute(attr);
        }
    }

    /// <summary>The line under the table, never scrolled.</summary>
    public void Foot(int y, string text, Color? color)
    {
        Fill(y, color is { } fg ? new Attribute(fg, _normal.Background) : _normal);
        Cell(0, y, text, _width, alignRight: false, left: 0);
    }

    /// <summary>How far right the table may scroll: until the longest visible line's end is mid-screen.</summary>
    public int MaxLeft(ProcessTableState state, ColumnLayout layout, int top, int rows, int width)
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
        Color? fg = row.Is(RowFlags.Tagged) ? Color.BrightYellow
            : row.Is(RowFlags.Dead) ? Color.Red
            : row.Is(RowFlags.New) ? Color.Green
            : null;
        if (fg is { } tagged) return new Attribute(tagged, _normal.Background, row.Is(RowFlags.Tagged) ? TextStyle.Bold : TextStyle.None);
        return row.Is(RowFlags.Thread) ? new Attribute(_normal.Foreground, _normal.Background, TextStyle.Faint) : _normal;
    }

    private void Fill(int y, Attribute attr)
    {
        view.SetAttribute(attr);
        view.AddStr(0, y, _blank);
    }

    /// <summary>
    /// Draws <paramref name="text"/> in the cell that starts at table column <paramref name="start"/> and is
    /// <paramref name="cellWidth"/> wide (0: to the end of the text). Zero-width runes are left out, and a
    /// control character (the view model escapes them; this is the backstop) is drawn as '?'.
    /// </summary>
    private void Cell(int start, int y, string text, int cellWidth, bool alignRight, int left)
    {
        int column = cellWidth > 0 && alignRight ? Math.Max(0, cellWidth - Columns(text)) : 0;
        int limit = cellWidth > 0 ? cellWidth : int.MaxValue;
        foreach (Rune raw in text.EnumerateRunes())
        {
            Rune rune = Rune.IsControl(raw) ? Replacement : raw;
            int runeColumns = rune.GetColumns();
            if (runeColumns <= 0) continue;
            if (column + runeColumns > limit) break;
            int x = start + column - left;
            if (x >= _width) break;
            if (x >= 0) view.AddRune(x, y, rune);
            else if (x + runeColumns > 0) view.AddRune(0, y, (Rune)' ');
            column += runeColumns;
        }
    }

    private static int Columns(string text)
    {
        int columns = 0;
        foreach (Rune rune in text.EnumerateRunes()) columns += Math.Max(0, rune.GetColumns());
        return columns;
    }
}
