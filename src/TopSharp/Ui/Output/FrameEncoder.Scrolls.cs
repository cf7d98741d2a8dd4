using System.Text;
using Terminal.Gui.Drawing;

namespace TopSharp.Ui.Output;

/// <summary>
/// Rows that moved: when a process comes or goes, every table row below it shifts by one. Instead of
/// writing them all again, a scrolling region (DECSTBM <c>ESC[top;bottomr</c>) is scrolled up or down
/// (SU <c>ESC[nS</c>, SD <c>ESC[nT</c>) so the terminal moves them itself, as curses does for htop; the
/// rows it leaves blank are then written like any other.
/// </summary>
internal sealed partial class FrameEncoder
{
    /// <summary>The farthest shift looked for.</summary>
    private const int MaximumShift = 3;

    /// <summary>Fewer moved rows than this are written again: the three sequences cost about 16 bytes.</summary>
    private const int MinimumMovedRows = 3;

    private void ScrollMovedRows(Cell[,] cells, bool[] dirtyLines, StringBuilder output)
    {
        for (int scrolls = 0; scrolls < 4 && FindMovedRows(cells) is { } moved; scrolls++)
            Scroll(cells, dirtyLines, moved.First, moved.Last, moved.Shift, output);
    }

    /// <summary>
    /// The longest run of rows that the terminal shows <c>Shift</c> rows lower (positive: they moved up) or
    /// higher, and that differ from what it shows in place; null when none is long enough.
    /// </summary>
    private (int First, int Last, int Shift)? FindMovedRows(Cell[,] cells)
    {
        (int First, int Last, int Shift)? best = null;
        Span<bool> inPlace = stackalloc bool[_rows];
        for (int row = 0; row < _rows; row++) inPlace[row] = ShowsRow(row, cells, row);
        for (int shift = -MaximumShift; shift <= MaximumShift; shift++)
        {
            if (shift == 0) continue;
            int runStart = -1;
            for (int row = 0; row <= _rows; row++)
            {
                int from = row + shift;
                bool moved = row < _rows && from >= 0 && from < _rows && !inPlace[row] && ShowsRow(from, cells, row);
                if (moved && runStart < 0) runStart = row;
                if (moved || runStart < 0) continue;
                if (row - runStart >= MinimumMovedRows && (best is not { } b || row - runStart > b.Last - b.First + 1))
                    best = (runStart, row - 1, shift);
                runStart = -1;
            }
        }
        return best;
    }

    /// <summary>Scrolls rows <paramref name="first"/>..<paramref name="last"/> into place from <paramref name="shift"/> rows away.</summary>
    private void Scroll(Cell[,] cells, bool[] dirtyLines, int first, int last, int shift, StringBuilder output)
    {
        int top = Math.Min(first, first + shift), bottom = Math.Max(last, last + shift);
        output.Append("\e[").Append(top + 1).Append(';').Append(bottom + 1).Append('r');
        output.Append("\e[");
        if (Math.Abs(shift) != 1) output.Append(Math.Abs(shift));
        output.Append(shift > 0 ? 'S' : 'T');
        output.Append("\e[r");   // the whole screen again; both DECSTBMs leave the cursor at the top left
        (_cursorRow, _cursorCol) = (0, 0);

        int length = (bottom - top + 1 - Math.Abs(shift)) * _cols;
        int source = (shift > 0 ? top + shift : top) * _cols, target = (shift > 0 ? top : top - shift) * _cols;
        Array.Copy(_shown, source, _shown, target, length);
        Array.Copy(_shownAttributes, source, _shownAttributes, target, length);
        // The rows scrolled in are blank in the pen's background: unknown here, so written whole.
        int blankFirst = shift > 0 ? bottom - shift + 1 : top;
        for (int row = blankFirst; row < blankFirst + Math.Abs(shift); row++)
        {
            Array.Clear(_shown, row * _cols, _cols);
            for (int col = 0; col < _cols; col++) cells[row, col].IsDirty = true;
            dirtyLines[row] = true;
        }
    }

    /// <summary>Whether the terminal's row <paramref name="shownRow"/> shows what <paramref name="cells"/> holds in <paramref name="row"/>.</summary>
    private bool ShowsRow(int shownRow, Cell[,] cells, int row)
    {
        for (int col = 0, at = shownRow * _cols; col < _cols; col++, at++)
        {
            string text = cells[row, col].Grapheme is { Length: > 0 } grapheme ? grapheme : " ";
            if (_shown[at] != text || _shownAttributes[at] != cells[row, col].Attribute) return false;
        }
        return true;
    }
}
