using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// The process table as the view draws it: immutable, replaced whole on every change.
/// <see cref="SelectedIndex"/> is −1 when there are no rows; the view scrolls it into sight.
/// </summary>
/// <param name="TotalCount">Rows before filter and user filter (processes, plus threads when shown).</param>
/// <param name="SearchFailed">The search text matches no row (the view colours the search box).</param>
/// <param name="SelectedCommandLine">The selected process's full command line, escaped; null with no selection.</param>
public sealed record ProcessTableState(
    IReadOnlyList<ColumnHeader> Columns,
    IReadOnlyList<ProcessRow> Rows,
    int SelectedIndex,
    ProcessKey? Selected,
    ColumnId SortColumn,
    bool SortDescending,
    string Filter,
    string Search,
    bool SearchFailed,
    bool Tree,
    bool ShowThreads,
    string? UserFilter,
    bool Following,
    int TaggedCount,
    int TotalCount,
    string? SelectedCommandLine)
{
    /// <summary>The rows are grouped by cgroup under heading rows (<see cref="RowFlags.Heading"/>).</summary>
    public bool Grouped { get; init; }

    /// <summary>The processes <c>-p</c> restricts the table to, in order; empty for all.</summary>
    public IReadOnlyList<int> PidFilter { get; init; } = [];

    /// <summary>The cgroup filter as <c>hierarchy:path</c> (unescaped); null when off.</summary>
    public string? CgroupFilter { get; init; }

    public ProcessRow? SelectedRow => SelectedIndex >= 0 && SelectedIndex < Rows.Count ? Rows[SelectedIndex] : null;
}
