using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels;

namespace TopSharp.Ui.Cgroups;

/// <summary>The two ways between the process table and the cgroup pane: <c>g</c> on a process, Enter on a group.</summary>
public static class CgroupLinks
{
    public static ProcessTableView Connect(ProcessTableView table, DashboardViewModel vm)
    {
        table.CgroupRequested += vm.ShowCgroupOf;
        return table;
    }

    public static CgroupTreeView Connect(CgroupTreeView tree, DashboardViewModel vm)
    {
        tree.FilterRequested += vm.ShowProcessesIn;
        return tree;
    }
}
