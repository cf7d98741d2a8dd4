namespace TopSharp.Ui.ProcessTable;

/// <summary>One column as the table draws it. <paramref name="Width"/> 0 means "the rest of the line" (Command).</summary>
public sealed record TableColumn(string Id, string Title, int Width, bool AlignRight);

/// <summary>
/// One row, already formatted and escaped by the view model: <paramref name="Cells"/> follow
/// <see cref="ProcessTableState.Columns"/>; <paramref name="Cmdline"/> is the full command line for the line below the table.
/// </summary>
public sealed record TableRow(int Pid, string[] Cells, string Cmdline, double CpuPct, bool Tagged);

/// <summary>What the table shows at one moment. Immutable: a new state means something changed.</summary>
public sealed record ProcessTableState(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    int SortColumn,
    bool SortDescending,
    int Selected)
{
    public static ProcessTableState Empty { get; } = new([], [], -1, true, -1);

    public TableRow? SelectedRow => Selected >= 0 && Selected < Rows.Count ? Rows[Selected] : null;
}
