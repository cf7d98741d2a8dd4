using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels;

namespace TopSharp.Ui.Cgroups;

/// <summary>
/// Between the process table and the cgroup pane: <c>g</c> (go to the process's group), <c>a</c> (CPU affinity),
/// <c>G</c> (move to another group) on a process, Enter on a group (filter the table).
/// </summary>
public static class CgroupLinks
{
    public static ProcessTableView Connect(ProcessTableView table, DashboardViewModel vm, ITablePrompts prompts)
    {
        var actions = new CgroupActions(vm, prompts, CgroupControl.Instance);
        table.CgroupRequested += (command, key) =>
        {
            switch (command)
            {
                case TableCommand.ShowCgroup: vm.ShowCgroupOf(key); break;
                case TableCommand.Affinity: actions.Affinity(key); break;
                case TableCommand.MoveToCgroup: actions.Move(key); break;
            }
        };
        return table;
    }

    public static CgroupTreeView Connect(CgroupTreeView tree, DashboardViewModel vm)
    {
        tree.FilterRequested += vm.ShowProcessesIn;
        return tree;
    }
}
