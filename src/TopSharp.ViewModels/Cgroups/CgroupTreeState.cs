using TopSharp.Core.Cgroups;
using TopSharp.ViewModels.Processes;

namespace TopSharp.ViewModels.Cgroups;

/// <summary>The cgroup pane as drawn: immutable, replaced whole on every change.</summary>
/// <param name="Summary">The first line: the mount layout (<c>hybrid: unified at /sys/fs/cgroup/unified + 9 v1 hierarchies</c>).</param>
/// <param name="Message">Why there is nothing to show (no cgroup mount), else null.</param>
public sealed record CgroupTreeState(
    string Summary,
    IReadOnlyList<ColumnHeader> Columns,
    IReadOnlyList<CgroupRow> Rows,
    int SelectedIndex,
    CgroupKey? Selected,
    CgroupColumn SortColumn,
    bool SortDescending,
    string? Message)
{
    public static CgroupTreeState Empty { get; } = new("", [], [], -1, null, CgroupColumn.Name, false, "waiting for the first sample");

    public CgroupRow? SelectedRow => SelectedIndex >= 0 && SelectedIndex < Rows.Count ? Rows[SelectedIndex] : null;
}

/// <summary>One row: a cell per column (NAME carries the tree prefix and the fold mark), escaped.</summary>
public sealed record CgroupRow(CgroupKey Key, IReadOnlyList<string> Cells, int Depth, bool HasChildren, bool Collapsed);
