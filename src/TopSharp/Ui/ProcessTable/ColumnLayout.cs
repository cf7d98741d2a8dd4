using TopSharp.ViewModels.Processes;

namespace TopSharp.Ui.ProcessTable;

/// <summary>Where each column starts on the (unscrolled) line: fixed widths, one space apart, the last one open-ended.</summary>
public sealed class ColumnLayout
{
    private ColumnLayout(IReadOnlyList<ColumnHeader> columns, int[] starts)
    {
        Columns = columns;
        Starts = starts;
    }

    public IReadOnlyList<ColumnHeader> Columns { get; }

    public IReadOnlyList<int> Starts { get; }

    public static ColumnLayout Of(IReadOnlyList<ColumnHeader> columns)
    {
        var starts = new int[columns.Count];
        int x = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            starts[i] = x;
            x += columns[i].Width + 1;
        }
        return new ColumnLayout(columns, starts);
    }

    /// <summary>The column under table column <paramref name="x"/>, or -1 (a gap).</summary>
    public int ColumnAt(int x)
    {
        for (int i = 0; i < Starts.Count; i++)
            if (x >= Starts[i] && (Columns[i].Width == 0 || x < Starts[i] + Columns[i].Width)) return i;
        return -1;
    }

    /// <summary>The header text; on a column too narrow for the title and the sort arrow, the title is cut and the arrow kept.</summary>
    public static string HeaderText(ColumnHeader column)
    {
        if (column.Width == 0 || column.Text.Length <= column.Width) return column.Text;
        return string.Concat(column.Title.AsSpan(0, Math.Max(0, column.Width - 1)), column.Text.AsSpan(column.Text.Length - 1));
    }
}
