using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Processes;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The table's commands that ask a question first (kill, sort menu, user filter, columns) or need
/// more than one view-model call. Kill and renice results reach the status line through the view
/// model's messages.
/// </summary>
public sealed class TableActions(ProcessTableViewModel vm, ITablePrompts prompts)
{
    private const int NamedTargets = 5;
    private const int CommandChars = 40;

    private ProcessTableState State => vm.State.CurrentValue;

    public void Kill()
    {
        string? targets = DescribeTargets(State);
        if (targets is null) return;
        var signals = Signal.Common;
        if (prompts.ChooseOne($"Send signal to {targets}", signals.Select(s => $"{s.Number,2} {s.Name}").ToList(), 0) is not int choice) return;
        Signal signal = signals[choice];
        if (prompts.Confirm("Send signal", $"Send {signal.Name} to {targets}?")) vm.Kill(signal);
    }

    public void SortMenu()
    {
        var columns = State.Columns;
        int current = columns.ToList().FindIndex(c => c.Sorted);
        if (prompts.ChooseOne("Sort by", columns.Select(c => c.Title).ToList(), Math.Max(0, current)) is int chosen && chosen != current)
            vm.SortBy(columns[chosen].Id);
    }

    /// <summary>Moves the sort to the shown column before (-1) or after (+1) the sort column.</summary>
    public void SortStep(int step)
    {
        var columns = State.Columns;
        if (columns.Count == 0) return;
        int current = Math.Max(0, columns.ToList().FindIndex(c => c.Sorted));
        vm.SortBy(columns[((current + step) % columns.Count + columns.Count) % columns.Count].Id);
    }

    /// <summary>P, M, T: sort by that column, shown or not.</summary>
    public void SortBy(ColumnId column)
    {
        if (State.SortColumn != column) vm.SortBy(column);
    }

    /// <summary>"+" expands and "-" collapses the selected subtree (tree view only).</summary>
    public void SetExpanded(bool expand)
    {
        if (State is not { Tree: true, SelectedRow: { } row } || !row.Is(RowFlags.HasChildren)) return;
        if (row.Is(RowFlags.Collapsed) == expand) vm.ToggleCollapse();
    }

    public void UserFilter()
    {
        var users = vm.Users;
        var items = new List<string>(users.Count + 1) { "All users" };
        items.AddRange(users.Select(TerminalText.Escape));
        int current = State.UserFilter is { } user ? users.ToList().IndexOf(user) + 1 : 0;
        if (prompts.ChooseOne("Show processes of", items, current) is int choice)
            vm.SetUserFilter(choice == 0 ? null : users[choice - 1]);
    }

    /// <summary>F2: a mark per column of the catalogue; kept columns keep their order, new ones go before Command.</summary>
    public void Setup()
    {
        var catalogue = ColumnCatalogue.All;
        var shown = State.Columns.Select(c => c.Id).ToList();
        var marks = prompts.ChooseMany("Columns", catalogue.Select(c => $"{c.Title,-8} {c.Description}").ToList(),
            catalogue.Select(c => shown.Contains(c.Id)).ToList());
        if (marks is null) return;
        var chosen = catalogue.Where((_, i) => marks[i]).Select(c => c.Id).ToHashSet();
        var columns = shown.Where(chosen.Contains).ToList();
        int command = columns.IndexOf(ColumnId.Command);
        columns.InsertRange(command >= 0 ? command : columns.Count, chosen.Where(id => !shown.Contains(id)).Order());
        vm.SetColumns(columns);
    }

    /// <summary>
    /// What kill would act on, as "1234 (bash)" or "3 processes: 1 (a), 2 (b), 3 (c)"; null when nothing is
    /// selected. Names come from the escaped rows and command line.
    /// </summary>
    public static string? DescribeTargets(ProcessTableState state)
    {
        if (state.TaggedCount == 0)
            return state.SelectedRow is { } row ? $"{row.Pid} ({Shorten(state.SelectedCommandLine ?? "")})" : null;
        int command = state.Columns.ToList().FindIndex(c => c.Id == ColumnId.Command);
        var named = state.Rows.Where(r => r.Is(RowFlags.Tagged)).Take(NamedTargets)
            .Select(r => command >= 0 ? $"{r.Pid} ({Shorten(r.Cells[command].TrimStart(TreePrefix))})" : $"{r.Pid}");
        string list = string.Join(", ", named);
        if (state.TaggedCount == 1) return list;
        int more = state.TaggedCount - Math.Min(NamedTargets, state.TaggedCount);
        return more > 0 ? $"{state.TaggedCount} processes: {list} and {more} more" : $"{state.TaggedCount} processes: {list}";
    }

    private static readonly char[] TreePrefix = [' ', '│', '├', '└', '─', '+', '-'];

    private static string Shorten(string text)
    {
        if (text.Length <= CommandChars) return text;
        int cut = char.IsHighSurrogate(text[CommandChars - 1]) ? CommandChars - 1 : CommandChars;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
