using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;

namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// Which processes a cgroup's syscall rows sum: those whose /proc/PID/cgroup path in the group's hierarchy is the group
/// or below it (v1 and v2 alike, as the table's filter matches). A process is judged by the newest sample that read its
/// cgroup file: one that exited during the interval counts for the group it was last seen in; one that came and went
/// between two samples (or whose file could not be read) is <see cref="Membership.Unknown"/>. Pure.
/// </summary>
public sealed class CgroupSyscallScope
{
    private readonly Dictionary<int, bool> _now, _before;

    /// <param name="now">The processes sampled at the end of the interval.</param>
    /// <param name="before">Those sampled at its start (empty for the first interval).</param>
    public CgroupSyscallScope(CgroupKey group, IReadOnlyList<ProcessSample> now, IReadOnlyList<ProcessSample> before)
    {
        _now = InGroup(group, now);
        _before = InGroup(group, before);
        Processes = _now.Count(p => p.Value);
    }

    /// <summary>The group's processes (and its descendants') in the newer sample.</summary>
    public int Processes { get; }

    /// <summary>A group as the pane names it: its path, with the v1 hierarchy in front (<c>cpu,cpuacct:/a</c>); escaped.</summary>
    public static string Name(CgroupKey group) =>
        TerminalText.Escape(group.Hierarchy == "unified" ? group.Path : $"{group.Hierarchy}:{group.Path}");

    public Membership Of(int tgid) =>
        _now.TryGetValue(tgid, out bool inNow) ? Of(inNow)
        : _before.TryGetValue(tgid, out bool inBefore) ? Of(inBefore)
        : Membership.Unknown;

    /// <summary>How many of <paramref name="members"/> were judged by the older sample: they have exited since.</summary>
    public int Exited(IEnumerable<int> members) => members.Count(t => !_now.ContainsKey(t));

    private static Membership Of(bool member) => member ? Membership.Member : Membership.Outside;

    /// <summary>Per process whose cgroup file was read, whether it is in the group.</summary>
    private static Dictionary<int, bool> InGroup(CgroupKey group, IReadOnlyList<ProcessSample> processes)
    {
        var map = new Dictionary<int, bool>(processes.Count);
        foreach (ProcessSample p in processes)
            if (p.Cgroup is { } cgroup)
                map[p.Pid] = CgroupMembers.IsIn(cgroup, group);
        return map;
    }
}
