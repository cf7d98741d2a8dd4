namespace TopSharp.Ui.ProcessTable;

/// <summary>Where each column starts on the (unscrolled) line: fixed widths, one space apart, the last one open-ended.</summary>
public sealed class ColumnLayout
{
    /// <summary>The id of the column coloured by load.</summary>
    public const string CpuColumnId = "CPU%";

    private const string Descending = "▼";
    private const string Ascending = "▲";

    private ColumnLayout(int[] starts, int[] widths)
    {
        Starts = starts;
        Widths = widths;
    }

    public IReadOnlyList<int> Starts { get; }

    /// <summary>Width of each column; 0 for an open-ended one (Command).</summary>
    public IReadOnlyList<int> Widths { get; }

    public static ColumnLayout Of(IReadOnlyList<TableColumn> columns)
    {
        var starts = new int[columns.Count];
        var widths = new int[columns.Count];
        int x = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            starts[i] = x;
            widths[i] = columns[i].Width;
            x += columns[i].Width + 1;
        }
        return new ColumnLayout(starts, widths);
    }

    /// <summary>The column under table column <paramref name="x"/>, or -1 (a gap, or past the last fixed column).</summary>
    public int ColumnAt(int x)
    {
        for (int i = 0; i < Starts.Count; i++)
            if (x >= Starts[i] && (Widths[i] == 0 || x < Starts[i] + Widths[i])) return i;
        return -1;
    }

    /// <summary>The header text of the sort column: the arrow before a right-aligned title, after a left-aligned one, kept when the title is cut.</summary>
    public static string WithSortIndicator(TableColumn column, int width, bool descending)
    {
        string arrow = descending ? Descending : Ascending;
        if (column.AlignRight) return arrow + column.Title;
        if (width == 0 || column.Title.Length + 1 <= width) return column.Title + arrow;
        return column.Title[..Math.Max(0, width - 1)] + arrow;
    }
}
