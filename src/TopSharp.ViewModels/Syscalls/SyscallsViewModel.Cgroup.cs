using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// The upper table's scope: while the process table is filtered to a cgroup (Enter in the cgroup pane) it shows that
/// cgroup's syscalls, summed over its processes and its descendants'; <see cref="ToggleScope"/> switches between the
/// cgroup and the whole machine. A new filter is followed at once.
/// </summary>
public sealed partial class SyscallsViewModel
{
    private CgroupKey? _cgroup;
    /// <summary>The user chose the whole machine while a cgroup is followed.</summary>
    private bool _machineWide;

    /// <summary>The pane's scope key: the cgroup the table is filtered to, or the whole machine. Nothing without a filter.</summary>
    public void ToggleScope()
    {
        lock (_lock)
        {
            if (_cgroup is null) return;
            _machineWide = !_machineWide;
            Publish();
        }
    }

    private void FollowCgroup(CgroupKey? group)
    {
        lock (_lock)
        {
            _cgroup = group;
            _machineWide = false;
            Publish();
        }
    }

    /// <summary>
    /// The pure mapping of one interval to the cgroup's rows: <paramref name="state"/> (built for the whole machine)
    /// with its upper table replaced by <paramref name="group"/>'s, per syscall over its members, p50/p99 from their
    /// summed buckets. Members come from the sample's /proc/PID/cgroup reads (<see cref="CgroupSyscallScope"/>).
    /// </summary>
    public static SyscallsState Scoped(SyscallsState state, CgroupKey group, SyscallSnapshot older, SyscallSnapshot newer, Sample sample)
    {
        var scope = new CgroupSyscallScope(group, sample.Snapshot.Processes, sample.Previous?.Processes ?? []);
        GroupSyscallRates rates = GroupSyscallRates.Between(older, newer, scope.Of);
        string name = CgroupSyscallScope.Name(group);
        int exited = scope.Exited(rates.Members);
        string title = $"Cgroup {name}: {Plural(scope.Processes, "process", "processes")}, {rates.Members.Count} made syscalls"
            + (exited > 0 ? $" ({exited} since exited)" : "");
        string? note = rates.UnknownProcesses == 0 ? null
            : $"not counted: {Plural(rates.UnknownProcesses, "process", "processes")} whose cgroup was never read "
              + $"(came and went between two samples), {Units.CountRate(rates.UnknownPerSec)} calls/s";
        return state with
        {
            System = [.. rates.BySyscall.Take(SystemRows).Select(Row)],
            SystemTitle = title,
            Cgroup = name,
            Scoped = true,
            ScopeNote = note,
        };
    }

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
