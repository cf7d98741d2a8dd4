using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Output;

/// <summary>
/// Turns a frame of cells into the bytes an ANSI terminal needs to show it, knowing what it shows already.
/// Terminal.Gui 2.5.0 sends every cell a view wrote since the last frame, changed or not (the header, tab
/// strip and status line are redrawn whole each refresh), starts each dirty row with a move to its first
/// column, and sends colours in full at each change. This sends only cells that differ from what the
/// terminal shows, reaches each by the shortest move (<see cref="CursorMoves"/>) or by sending again the few
/// unchanged cells in between when that is shorter, names only the attributes that changed
/// (<see cref="PenChange"/>), erases a row's blank end with EL (<c>ESC[K</c>), and scrolls rows that moved
/// up or down together (a process that came or went above them) rather than writing them again.
/// What the terminal shows is unknown at first, after a resize and after <see cref="Forget"/>: then the
/// whole frame is sent.
/// </summary>
internal sealed partial class FrameEncoder
{
    /// <summary>ESC[K: a blank tail of this many changed cells or more is erased rather than written.</summary>
    private const int EraseLength = 3;

    private string?[] _shown = [];          // null: not known to be on the terminal
    private Attribute?[] _shownAttributes = [];
    private int _rows, _cols;
    private int _cursorRow = -1, _cursorCol;  // row -1: the cursor's place is not known
    private Attribute? _pen;                  // the terminal's current attribute; null: not known

    /// <summary>Colours as the 16 ANSI codes rather than 24-bit.</summary>
    public bool Force16Colors { get; set; }

    /// <summary>Forgets what the terminal shows, so the next frame is sent whole.</summary>
    public void Forget()
    {
        Array.Clear(_shown);
        _cursorRow = -1;
        _pen = null;
    }

    /// <summary>
    /// Appends what makes the terminal show <paramref name="cells"/>, looking only at rows marked in
    /// <paramref name="dirtyLines"/> and cells marked dirty; clears those marks.
    /// </summary>
    public void Encode(Cell[,] cells, bool[] dirtyLines, StringBuilder output)
    {
        if (cells.GetLength(0) != _rows || cells.GetLength(1) != _cols) Resize(cells.GetLength(0), cells.GetLength(1));
        if (_cols == 0 || dirtyLines.Length < _rows) return;
        ScrollMovedRows(cells, dirtyLines, output);
        for (int row = 0; row < _rows; row++)
        {
            if (!dirtyLines[row]) continue;
            dirtyLines[row] = false;
            EncodeRow(cells, row, output);
        }
    }

    /// <summary>Appends a cursor move made outside a frame (to show a text field's cursor, say).</summary>
    public void MoveCursor(int row, int col, StringBuilder output)
    {
        if (row == _cursorRow && col == _cursorCol) return;
        CursorMoves.Append(output, _cursorRow, _cursorCol, row, col);
        (_cursorRow, _cursorCol) = (row, col);
    }

    private void EncodeRow(Cell[,] cells, int row, StringBuilder output)
    {
        int blankTail = BlankTailStart(cells, row);
        for (int col = 0, at = row * _cols; col < _cols; col++, at++)
        {
            ref Cell cell = ref cells[row, col];
            if (!cell.IsDirty) continue;
            cell.IsDirty = false;
            string text = cell.Grapheme is { Length: > 0 } grapheme ? grapheme : " ";
            if (_shown[at] == text && _shownAttributes[at] == cell.Attribute) continue;

            if (col >= blankTail && ChangedCells(cells, row, col) >= EraseLength)
            {
                MoveTo(row, col, cell.Attribute, output);
                SetPen(cell.Attribute, output);
                output.Append("\e[K");
                for (int c = col; c < _cols; c++, at++)
                {
                    cells[row, c].IsDirty = false;
                    (_shown[at], _shownAttributes[at]) = (" ", cell.Attribute);
                }
                return;
            }

            MoveTo(row, col, cell.Attribute, output);
            SetPen(cell.Attribute, output);
            output.Append(text);
            (_shown[at], _shownAttributes[at]) = (text, cell.Attribute);
            int width = Math.Max(1, text.GetColumns());
            if (width > 1 && col + 1 < _cols)
            {
                // The second column of a wide grapheme: covered, whatever the buffer holds there.
                cells[row, ++col].IsDirty = false;
                _shown[++at] = null;
            }
            // A write into the last column leaves the cursor waiting to wrap: its place is not relied upon.
            if (col + 1 >= _cols) _cursorRow = -1;
            else _cursorCol = col + 1;
        }
    }

    /// <summary>
    /// Moves to a cell of the cursor's row by sending the cells in between again when they are known, plain,
    /// in one attribute that is or is about to be the pen, and fewer than the move's bytes; else by a move.
    /// </summary>
    private void MoveTo(int row, int col, Attribute? next, StringBuilder output)
    {
        if (row == _cursorRow && col == _cursorCol) return;
        if (row == _cursorRow && col > _cursorCol && col - _cursorCol < CursorMoves.Length(_cursorRow, _cursorCol, row, col))
        {
            int from = row * _cols + _cursorCol, to = row * _cols + col;
            Attribute? gap = _shownAttributes[from];
            bool plain = gap is not null && (gap == _pen || gap == next);
            for (int at = from; plain && at < to; at++)
                plain = _shown[at] is [>= ' ' and < '\x7f'] && _shownAttributes[at] == gap;
            if (plain)
            {
                SetPen(gap, output);
                for (int at = from; at < to; at++) output.Append(_shown[at]);
                _cursorCol = col;
                return;
            }
        }
        CursorMoves.Append(output, _cursorRow, _cursorCol, row, col);
        (_cursorRow, _cursorCol) = (row, col);
    }

    private void SetPen(Attribute? attribute, StringBuilder output)
    {
        if (attribute is not { } to || _pen == to) return;
        PenChange.Append(output, _pen, to, Force16Colors);
        _pen = to;
    }

    /// <summary>The first column from which the row holds only spaces in one unstyled attribute (the row's width if none).</summary>
    private int BlankTailStart(Cell[,] cells, int row)
    {
        Attribute? last = cells[row, _cols - 1].Attribute;
        if (last is not { Style: TextStyle.None }) return _cols;
        int col = _cols;
        while (col > 0 && cells[row, col - 1] is { Grapheme: " " } cell && cell.Attribute == last) col--;
        return col;
    }

    /// <summary>How many cells from <paramref name="col"/> to the row's end differ from what the terminal shows.</summary>
    private int ChangedCells(Cell[,] cells, int row, int col)
    {
        int changed = 0;
        for (int at = row * _cols + col; col < _cols; col++, at++)
            if (_shown[at] != cells[row, col].Grapheme || _shownAttributes[at] != cells[row, col].Attribute) changed++;
        return changed;
    }

    private void Resize(int rows, int cols)
    {
        (_rows, _cols) = (rows, cols);
        _shown = new string?[rows * cols];
        _shownAttributes = new Attribute?[rows * cols];
        _cursorRow = -1;
        _pen = null;
    }
}
