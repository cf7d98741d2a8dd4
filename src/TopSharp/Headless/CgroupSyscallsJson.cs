using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Syscalls;

namespace TopSharp.Headless;

/// <summary>
/// <c>syscalls.by_cgroup</c> (<c>--cgroup</c>): the syscalls of a cgroup's processes and its descendants', summed per
/// syscall, as the syscall pane's cgroup table. Members are judged by /proc/PID/cgroup in the newer reading, or in the
/// older one for a process that exited in between; one seen in neither is left out and counted in <c>unknown_*</c>.
/// </summary>
internal sealed record CgroupSyscallsJson(
    string Hierarchy,
    string Path,
    bool Exists,
    int Processes,
    int WithSyscalls,
    int Exited,
    int UnknownProcesses,
    double UnknownPerSec,
    IReadOnlyList<SyscallJson> BySyscall)
{
    /// <param name="exists">The group is in the newer reading's cgroup tree (a mistyped path or hierarchy is not).</param>
    public static CgroupSyscallsJson From(CgroupKey group, bool exists, SyscallSnapshot older, SyscallSnapshot newer,
        IReadOnlyList<ProcessSample> olderProcesses, IReadOnlyList<ProcessSample> newerProcesses)
    {
        var scope = new CgroupSyscallScope(group, newerProcesses, olderProcesses);
        GroupSyscallRates rates = GroupSyscallRates.Between(older, newer, scope.Of);
        return new CgroupSyscallsJson(group.Hierarchy, group.Path, exists, scope.Processes, rates.Members.Count, scope.Exited(rates.Members),
            rates.UnknownProcesses, Round.Two(rates.UnknownPerSec)!.Value, [.. rates.BySyscall.Select(SyscallsJson.Syscall)]);
    }
}
