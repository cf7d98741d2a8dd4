using Terminal.Gui.Input;

namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The process table's keys (htop's), with the text the help screen shows for each. The dashboard's
/// own keys are in <see cref="KeyMap"/>; the table has the focus, so it sees a key first.
/// </summary>
public static class ProcessTableKeys
{
    public sealed record Binding(TableCommand Command, string Keys, string Help, params Key[] On)
    {
        /// <summary>
        /// The table takes the key only in tree view; elsewhere the dashboard has it (<c>+</c>/<c>-</c>
        /// change the refresh delay, as the issue asks; htop's tree keys win while the tree shows).
        /// </summary>
        public bool TreeOnly => Command is TableCommand.Expand or TableCommand.Collapse;
    }

    public static IReadOnlyList<Binding> All { get; } =
    [
        new(TableCommand.Up, "Up", "select the previous process", Key.CursorUp),
        new(TableCommand.Down, "Down", "select the next process", Key.CursorDown),
        new(TableCommand.PageUp, "PgUp", "one page up", Key.PageUp),
        new(TableCommand.PageDown, "PgDn", "one page down", Key.PageDown),
        new(TableCommand.Home, "Home", "first process", Key.Home),
        new(TableCommand.End, "End", "last process", Key.End),
        new(TableCommand.ScrollLeft, "Left", "scroll the table left", Key.CursorLeft),
        new(TableCommand.ScrollRight, "Right", "scroll the table right (long command lines)", Key.CursorRight),
        new(TableCommand.Setup, "F2", "choose the columns", Key.F2),
        new(TableCommand.Search, "F3 /", "search a command (F3 again: next match, Esc: done)", Key.F3, new Key('/')),
        new(TableCommand.Filter, "F4 \\", "show only matching processes (Esc clears)", Key.F4, new Key('\\')),
        new(TableCommand.Tree, "F5 t", "tree view", Key.F5, new Key('t')),
        new(TableCommand.SortMenu, "F6", "sort by a column", Key.F6),
        new(TableCommand.SortPrevious, "<", "sort by the previous column", new Key('<')),
        new(TableCommand.SortNext, ">", "sort by the next column", new Key('>')),
        new(TableCommand.SortByCpu, "P", "sort by CPU%", new Key('P')),
        new(TableCommand.SortByMemory, "M", "sort by MEM%", new Key('M')),
        new(TableCommand.SortByTime, "T", "sort by TIME+", new Key('T')),
        new(TableCommand.InvertSort, "I", "invert the sort order", new Key('I')),
        new(TableCommand.ListMode, "v", "list flat, as a tree, or grouped by cgroup (in turn)", new Key('v')),
        new(TableCommand.Expand, "+", "expand the subtree (tree view)", new Key('+')),
        new(TableCommand.Collapse, "-", "collapse the subtree (tree view)", new Key('-')),
        new(TableCommand.Threads, "H", "show or hide threads", new Key('H')),
        new(TableCommand.UserFilter, "u", "show one user's processes", new Key('u')),
        new(TableCommand.Follow, "F", "follow the selected process", new Key('F')),
        new(TableCommand.Tag, "Space", "tag the process and move down", Key.Space),
        new(TableCommand.TagTree, "c", "tag the process and all its descendants", new Key('c')),
        new(TableCommand.UntagAll, "U", "untag all", new Key('U')),
        new(TableCommand.NiceDown, "F7", "nice -1 (higher priority)", Key.F7),
        new(TableCommand.NiceUp, "F8", "nice +1 (lower priority)", Key.F8),
        new(TableCommand.Kill, "F9 k", "send a signal to the process or the tagged ones", Key.F9, new Key('k')),
        new(TableCommand.ShowCgroup, "g", "go to the process's cgroup in the cgroup pane", new Key('g')),
        new(TableCommand.Affinity, "a", "set the process's CPU affinity (CPUs grouped by NUMA node)", new Key('a')),
        new(TableCommand.MoveToCgroup, "G", "move the process into another cgroup (unified hierarchy when mounted)", new Key('G')),
    ];

    /// <summary>The command <paramref name="pressed"/> triggers, compared as <see cref="KeyMap.Matches"/> does (symbols by what they type).</summary>
    public static bool TryGet(Key pressed, out TableCommand command)
    {
        foreach (var binding in All)
            if (binding.On.Any(k => KeyMap.Matches(pressed, k)))
            {
                command = binding.Command;
                return true;
            }
        command = default;
        return false;
    }
}
