namespace TopSharp.ViewModels.Processes;

/// <summary>The process table's persisted choices (config.json "processes"); a key missing from the file keeps its default.</summary>
public sealed record ProcessTableSettings
{
    public static ProcessTableSettings Default { get; } = new();

    public IReadOnlyList<ColumnId> Columns { get; init; } = ColumnCatalogue.Default;
    public ColumnId SortColumn { get; init; } = ColumnId.CpuPercent;
    public bool SortDescending { get; init; } = true;
    public bool Tree { get; init; }
    public bool ShowThreads { get; init; }

    public bool Equals(ProcessTableSettings? other) =>
        other is not null && Columns.SequenceEqual(other.Columns) && SortColumn == other.SortColumn
        && SortDescending == other.SortDescending && Tree == other.Tree && ShowThreads == other.ShowThreads;

    public override int GetHashCode() => HashCode.Combine(Columns.Count, SortColumn, SortDescending, Tree, ShowThreads);
}
