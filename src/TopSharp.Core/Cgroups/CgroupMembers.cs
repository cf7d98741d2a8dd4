using TopSharp.Core.Processes;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// Which group a process sits in, per hierarchy, from /proc/PID/cgroup (cgroups(7)): the <c>0::</c> line for the
/// unified hierarchy, the line whose controller list is the hierarchy's name for v1. A v1 zombie's file says
/// <c>/</c> in every hierarchy, so it counts as a member of the roots only.
/// </summary>
public static class CgroupMembers
{
    /// <summary>The process's path in <paramref name="hierarchy"/> (<c>unified</c>, <c>cpu,cpuacct</c>…); null when the file has no line for it.</summary>
    public static string? PathIn(PidCgroup cgroup, string hierarchy)
    {
        foreach (CgroupMembership m in cgroup.Memberships)
            if (hierarchy == "unified" ? m.HierarchyId == 0 && m.Controllers.Length == 0 : m.HierarchyId != 0 && m.Controllers == hierarchy)
                return m.Path;
        return null;
    }

    /// <summary>True when the process is in <paramref name="group"/> or one of its descendants.</summary>
    public static bool IsIn(PidCgroup cgroup, CgroupKey group) =>
        PathIn(cgroup, group.Hierarchy) is { } path
        && (group.Path == "/" || path == group.Path || path.StartsWith(group.Path + "/", StringComparison.Ordinal));
}
