using System.Text;

namespace TopSharp.Ui.Output;

/// <summary>
/// The shortest sequence that moves an ANSI terminal's cursor from one cell to another: the absolute
/// CUP (<c>ESC[row;colH</c>), or a vertical part (CUU/CUD <c>ESC[nA</c>/<c>ESC[nB</c>, or VPA <c>ESC[rowd</c>)
/// followed by a horizontal part (CR, CUF/CUB <c>ESC[nC</c>/<c>ESC[nD</c>, or CHA <c>ESC[colG</c>), as ECMA-48
/// defines them. None of them scrolls. Rows and columns are 0-based here, 1-based on the wire.
/// </summary>
internal static class CursorMoves
{
    /// <summary>Appends the move; a <paramref name="fromRow"/> below 0 means the cursor's place is not known.</summary>
    public static void Append(StringBuilder output, int fromRow, int fromCol, int toRow, int toCol)
    {
        if (fromRow < 0 || AbsoluteLength(toRow, toCol) <= VerticalLength(fromRow, toRow) + HorizontalLength(fromCol, toCol))
        {
            AppendAbsolute(output, toRow, toCol);
            return;
        }
        AppendVertical(output, fromRow, toRow);
        AppendHorizontal(output, fromCol, toCol);
    }

    /// <summary>The bytes <see cref="Append"/> would write.</summary>
    public static int Length(int fromRow, int fromCol, int toRow, int toCol) =>
        fromRow < 0
            ? AbsoluteLength(toRow, toCol)
            : Math.Min(AbsoluteLength(toRow, toCol), VerticalLength(fromRow, toRow) + HorizontalLength(fromCol, toCol));

    private static int AbsoluteLength(int row, int col) =>
        row == 0 && col == 0 ? 3 : col == 0 ? 3 + Digits(row + 1) : 4 + Digits(row + 1) + Digits(col + 1);

    private static void AppendAbsolute(StringBuilder output, int row, int col)
    {
        output.Append("\e[");
        if (row != 0 || col != 0) output.Append(row + 1);
        if (col != 0) output.Append(';').Append(col + 1);
        output.Append('H');
    }

    /// <summary>CUU/CUD by the distance, or VPA to the row, whichever is shorter.</summary>
    private static int VerticalLength(int from, int to) =>
        from == to ? 0 : Math.Min(RelativeLength(Math.Abs(to - from)), 3 + Digits(to + 1));

    private static void AppendVertical(StringBuilder output, int from, int to)
    {
        if (from == to) return;
        int distance = Math.Abs(to - from);
        if (RelativeLength(distance) <= 3 + Digits(to + 1)) AppendRelative(output, distance, to > from ? 'B' : 'A');
        else output.Append("\e[").Append(to + 1).Append('d');
    }

    /// <summary>CR to the first column, CUF/CUB by the distance, or CHA to the column, whichever is shortest.</summary>
    private static int HorizontalLength(int from, int to) =>
        from == to ? 0 : to == 0 ? 1 : Math.Min(RelativeLength(Math.Abs(to - from)), 3 + Digits(to + 1));

    private static void AppendHorizontal(StringBuilder output, int from, int to)
    {
        if (from == to) return;
        if (to == 0)
        {
            output.Append('\r');
            return;
        }
        int distance = Math.Abs(to - from);
        if (RelativeLength(distance) <= 3 + Digits(to + 1)) AppendRelative(output, distance, to > from ? 'C' : 'D');
        else output.Append("\e[").Append(to + 1).Append('G');
    }

    /// <summary><c>ESC[nX</c>, with n left out when it is 1 (the default).</summary>
    private static int RelativeLength(int distance) => distance == 1 ? 3 : 3 + Digits(distance);

    private static void AppendRelative(StringBuilder output, int distance, char final)
    {
        output.Append("\e[");
        if (distance != 1) output.Append(distance);
        output.Append(final);
    }

    private static int Digits(int n) => n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
}
