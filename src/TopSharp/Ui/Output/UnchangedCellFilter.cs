using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Output;

/// <summary>
/// Keeps cells the terminal already shows from being sent again. Terminal.Gui 2.5.0 sends every cell a
/// view wrote since the last frame, changed or not, so the header, tab strip and status line, redrawn whole
/// each refresh, cost a frame's worth of bytes. After the window is drawn and before the driver writes,
/// this clears the dirty mark of each cell equal to what was last sent. What the terminal shows is read
/// back after each write (a cell the driver left dirty is not known); a cleared or resized screen
/// forgets it all, so the next frame is sent whole.
/// </summary>
public sealed class UnchangedCellFilter : IDisposable
{
    private readonly IApplication _app;
    private readonly View _window;
    private string?[] _shown = [];      // null: not known to be on the terminal
    private Attribute?[] _shownAttributes = [];
    private int _rows, _cols;

    /// <param name="window">The bottom window: its drawing ends each frame's main pass.</param>
    public UnchangedCellFilter(IApplication app, View window)
    {
        _app = app;
        _window = window;
        _window.DrawComplete += OnDrawComplete;
        _app.LayoutAndDrawComplete += OnWritten;
        if (_app.Driver is { } driver) driver.ClearedContents += OnCleared;
    }

    private void OnDrawComplete(object? sender, DrawEventArgs e)
    {
        if (_app.Driver is not { Contents: { } cells } driver || !SameSize(cells)) return;
        bool[] dirtyLines = driver.GetOutputBuffer().DirtyLines;
        for (int row = 0; row < _rows && row < dirtyLines.Length; row++)
            if (dirtyLines[row]) dirtyLines[row] = FilterRow(cells, row);
    }

    /// <summary>Clears the unchanged cells of one row; true when some cell of it is still to be sent.</summary>
    private bool FilterRow(Cell[,] cells, int row)
    {
        bool rowDirty = false;
        int gapStart = 0;      // the driver starts each row it writes with a move to column 0
        for (int col = 0, at = row * _cols; col < _cols; col++, at++)
        {
            ref Cell cell = ref cells[row, col];
            if (!cell.IsDirty) continue;
            if (_shown[at] is { } shown && cell.Attribute == _shownAttributes[at] && cell.Grapheme == shown)
            {
                cell.IsDirty = false;
                continue;
            }
            if (col - gapStart < CursorMoveBytes(row, col)) RewriteGap(cells, row, gapStart, col);
            rowDirty = true;
            gapStart = col + 1;
        }
        return rowDirty;
    }

    /// <summary>
    /// The driver moves the cursor (<c>ESC[row;colH</c>, 1-based) before each run of dirty cells: a gap of
    /// plain cells in the next run's colour that is shorter than the move is cheaper sent again.
    /// </summary>
    private static int CursorMoveBytes(int row, int col) => 4 + Digits(row + 1) + Digits(col + 1);

    private static int Digits(int n) => n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4;

    private static void RewriteGap(Cell[,] cells, int row, int start, int end)
    {
        Attribute? attribute = cells[row, end].Attribute;
        for (int col = start; col < end; col++)
            if (cells[row, col] is not { Grapheme: [>= ' ' and < '\x7f'] } gap || gap.Attribute != attribute) return;
        for (int col = start; col < end; col++) cells[row, col].IsDirty = true;
    }

    /// <summary>After the write: every clean cell is what the terminal shows.</summary>
    private void OnWritten(object? sender, EventArgs e)
    {
        if (_app.Driver is not { Contents: { } cells }) return;
        if (!SameSize(cells))
        {
            _rows = cells.GetLength(0);
            _cols = cells.GetLength(1);
            _shown = new string?[_rows * _cols];
            _shownAttributes = new Attribute?[_rows * _cols];
        }
        for (int row = 0, at = 0; row < _rows; row++)
            for (int col = 0; col < _cols; col++, at++)
            {
                Cell cell = cells[row, col];
                _shown[at] = cell.IsDirty ? null : cell.Grapheme;
                _shownAttributes[at] = cell.Attribute;
            }
    }

    private void OnCleared(object? sender, EventArgs e) => Array.Clear(_shown);

    private bool SameSize(Cell[,] cells) => cells.GetLength(0) == _rows && cells.GetLength(1) == _cols;

    public void Dispose()
    {
        _window.DrawComplete -= OnDrawComplete;
        _app.LayoutAndDrawComplete -= OnWritten;
        if (_app.Driver is { } driver) driver.ClearedContents -= OnCleared;
    }
}
