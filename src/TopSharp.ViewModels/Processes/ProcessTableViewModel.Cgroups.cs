using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>The cgroup filter (Enter in the cgroup pane): only processes in a group or its descendants, in that group's hierarchy.</summary>
public sealed partial class ProcessTableViewModel
{
    private CgroupKey? _cgroupFilter;

    /// <summary>Shows only the processes in <paramref name="group"/> and below it; null shows all. Reads /proc/PID/cgroup while set.</summary>
    public void SetCgroupFilter(CgroupKey? group)
    {
        lock (_gate)
        {
            _cgroupFilter = group;
            _files.Value = FilesFor(_settings.Value) | CgroupFiles;
            Rebuild();
        }
    }

    public CgroupKey? CgroupFilter => _cgroupFilter;

    /// <summary>A thread row has no cgroup file of its own (see ProcessEntries.AsThread), so the filter hides it.</summary>
    private bool InCgroupFilter(TableItem item) =>
        _cgroupFilter is not { } group || (item.Entry.Sample.Cgroup is { } cgroup && CgroupMembers.IsIn(cgroup, group));

    private ProcessFiles CgroupFiles => _cgroupFilter is null ? ProcessFiles.None : ProcessFiles.Cgroup;
}
