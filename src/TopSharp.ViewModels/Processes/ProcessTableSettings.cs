namespace TopSharp.ViewModels.Processes;

/// <summary>
/// The process table's persisted choices (config.json "processes"). Positional with defaults, so
/// System.Text.Json keeps the default of a key the file leaves out; null or empty columns mean the defaults.
/// </summary>
public sealed record ProcessTableSettings(
    IReadOnlyList<ColumnId>? Columns = null,
    ColumnId SortColumn = ColumnId.CpuPercent,
    bool SortDescending = true,
    bool Tree = false,
    bool ShowThreads = false,
    bool Grouped = false)
{
    public static ProcessTableSettings Default { get; } = new();

    /// <summary>Shown in this order, without duplicates; never empty.</summary>
    public IReadOnlyList<ColumnId> Columns { get; init; } =
        Columns is { Count: > 0 } columns ? [.. columns.Distinct()] : ColumnCatalogue.Default;

    public bool Equals(ProcessTableSettings? other) =>
        other is not null && Columns.SequenceEqual(other.Columns) && SortColumn == other.SortColumn
        && SortDescending == other.SortDescending && Tree == other.Tree && ShowThreads == other.ShowThreads && Grouped == other.Grouped;

    public override int GetHashCode() => HashCode.Combine(Columns.Count, SortColumn, SortDescending, Tree, ShowThreads, Grouped);
}
