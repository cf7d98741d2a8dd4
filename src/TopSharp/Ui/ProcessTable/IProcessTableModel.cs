namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The process table's state and commands, as the view needs them. The view model owns sorting,
/// filtering, tree, selection (by pid) and process control; the view only draws and maps input.
/// <see cref="StateChanged"/> is raised on the UI thread.
/// </summary>
public interface IProcessTableModel
{
    ProcessTableState State { get; }
    event EventHandler? StateChanged;

    /// <summary>Every column the setup screen offers, and whether it is shown now.</summary>
    IReadOnlyList<(TableColumn Column, bool Shown)> ColumnCatalogue { get; }
    void SetColumns(IReadOnlyList<string> columnIds);

    void Select(int row);
    void SortBy(int column);
    void InvertSort();

    /// <summary>Selects the first row at or after the selection (after it, when <paramref name="next"/>) whose text contains <paramref name="text"/>.</summary>
    bool Find(string text, bool next);
    void SetFilter(string text);

    void ToggleTree();
    void SetSubtreeExpanded(bool expanded);
    void ToggleThreads();
    void ToggleFollow();

    IReadOnlyList<string> Users { get; }
    /// <summary>null shows every user's processes.</summary>
    void SetUserFilter(string? user);

    void ToggleTag();
    void TagWithChildren();
    void UntagAll();

    /// <summary>Sends <paramref name="signal"/> to each pid; returns the errors in words (empty when all succeeded).</summary>
    IReadOnlyList<string> Kill(IReadOnlyList<int> pids, int signal);
    /// <summary>Changes the nice value of each pid by <paramref name="delta"/>; returns the errors in words.</summary>
    IReadOnlyList<string> Renice(IReadOnlyList<int> pids, int delta);
}
