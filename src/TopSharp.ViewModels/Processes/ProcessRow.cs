using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// One table row, ready to draw: a cell per visible column (escaped; in tree view the Command
/// cell starts with the tree prefix), its flags and its depth in the tree (0 when flat; grouped by cgroup,
/// 0 for a heading and 1 under it).
/// </summary>
public sealed record ProcessRow(ProcessKey Key, IReadOnlyList<string> Cells, RowFlags Flags, int Depth)
{
    public int Pid => Key.Pid;
    public bool Is(RowFlags flag) => (Flags & flag) != 0;
}

[Flags]
public enum RowFlags
{
    None = 0,
    Selected = 1 << 0,
    Tagged = 1 << 1,
    /// <summary>Appeared within the last <see cref="ProcessTableViewModel.HighlightDuration"/> (htop's green).</summary>
    New = 1 << 2,
    /// <summary>Exited; kept as a tomb for <see cref="ProcessTableViewModel.HighlightDuration"/> (htop's red).</summary>
    Dead = 1 << 3,
    Thread = 1 << 4,
    KernelThread = 1 << 5,
    /// <summary>Tree view: this row's subtree is collapsed.</summary>
    Collapsed = 1 << 6,
    /// <summary>Tree view: this row has children (shown or collapsed).</summary>
    HasChildren = 1 << 7,
    Followed = 1 << 8,
    /// <summary>Grouped by cgroup: a group's heading, not a process (its key is default); the selection skips it.</summary>
    Heading = 1 << 9,
}

/// <summary>A column header as drawn: <see cref="Text"/> is the title plus "▼"/"▲" on the sort column.</summary>
public sealed record ColumnHeader(ColumnId Id, string Title, int Width, ColumnAlignment Alignment, bool Sorted, bool Descending, string Text);
