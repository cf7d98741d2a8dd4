namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The table's commands that ask a question first (kill, sort menu, user filter, columns) or act on
/// several processes. Each returns the line to show under the table, or null when there is nothing to say.
/// </summary>
public sealed class TableActions(IProcessTableModel model, ITablePrompts prompts)
{
    private const int NamedTargets = 5;

    /// <summary>The tagged rows, or the selected one when none is tagged.</summary>
    public IReadOnlyList<TableRow> Targets()
    {
        var state = model.State;
        var tagged = state.Rows.Where(r => r.Tagged).ToList();
        if (tagged.Count > 0) return tagged;
        return state.SelectedRow is { } row ? [row] : [];
    }

    public string? Kill()
    {
        var targets = Targets();
        if (targets.Count == 0) return null;
        var names = Signals.Choices.Select(s => $"{s.Number,2} {s.Name}").ToList();
        if (prompts.ChooseOne($"Send signal to {Describe(targets)}", names, 0) is not int choice) return null;
        var (number, name) = Signals.Choices[choice];
        if (!prompts.Confirm("Send signal", $"Send {name} to {Describe(targets)}?")) return null;
        var errors = model.Kill(targets.Select(r => r.Pid).ToList(), number);
        return errors.Count == 0 ? $"{name} sent to {Describe(targets)}" : string.Join("; ", errors);
    }

    public string? Renice(int delta)
    {
        var targets = Targets();
        if (targets.Count == 0) return null;
        var errors = model.Renice(targets.Select(r => r.Pid).ToList(), delta);
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    public void SortMenu()
    {
        var state = model.State;
        if (state.Columns.Count == 0) return;
        if (prompts.ChooseOne("Sort by", state.Columns.Select(c => c.Title).ToList(), Math.Max(0, state.SortColumn)) is int column)
            model.SortBy(column);
    }

    /// <summary>Moves the sort to the previous (-1) or next (+1) column.</summary>
    public void SortStep(int step)
    {
        var state = model.State;
        int count = state.Columns.Count;
        if (count == 0) return;
        model.SortBy(((Math.Max(0, state.SortColumn) + step) % count + count) % count);
    }

    /// <summary>Sorts by the column with this title, when it is shown.</summary>
    public string? SortByTitle(string title)
    {
        int column = model.State.Columns.ToList().FindIndex(c => c.Title == title);
        if (column < 0) return $"{title} is not shown (F2 adds it)";
        model.SortBy(column);
        return null;
    }

    /// <summary>A click on a header: sort by it, or invert when it is the sort column already.</summary>
    public void HeaderClicked(int column)
    {
        if (column == model.State.SortColumn) model.InvertSort();
        else model.SortBy(column);
    }

    public void UserFilter()
    {
        var users = model.Users;
        var items = new List<string>(users.Count + 1) { "All users" };
        items.AddRange(users);
        if (prompts.ChooseOne("Show processes of", items, 0) is int choice)
            model.SetUserFilter(choice == 0 ? null : users[choice - 1]);
    }

    public void Setup()
    {
        var catalogue = model.ColumnCatalogue;
        var chosen = prompts.ChooseMany("Columns", catalogue.Select(c => c.Column.Title).ToList(), catalogue.Select(c => c.Shown).ToList());
        if (chosen is null) return;
        model.SetColumns(catalogue.Where((_, i) => chosen[i]).Select(c => c.Column.Id).ToList());
    }

    /// <summary>"1234 (bash)" for one process, "3 processes: 1 (a), 2 (b), 3 (c)" for several (escaped text from the rows).</summary>
    public static string Describe(IReadOnlyList<TableRow> rows)
    {
        string Name(TableRow r) => $"{r.Pid} ({Command(r)})";
        if (rows.Count == 1) return Name(rows[0]);
        string list = string.Join(", ", rows.Take(NamedTargets).Select(Name));
        return rows.Count > NamedTargets ? $"{rows.Count} processes: {list} and {rows.Count - NamedTargets} more" : $"{rows.Count} processes: {list}";
    }

    private const int CommandChars = 40;

    private static string Command(TableRow row)
    {
        if (row.Cmdline.Length <= CommandChars) return row.Cmdline;
        int cut = char.IsHighSurrogate(row.Cmdline[CommandChars - 1]) ? CommandChars - 1 : CommandChars;
        return string.Concat(row.Cmdline.AsSpan(0, cut), "…");
    }
}
