namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/cgroup (Documentation/admin-guide/cgroup-v2.rst and cgroups(7)): one line per hierarchy,
/// <c>hierarchy-ID:controller-list:path</c>; the unified hierarchy is <c>0::path</c>.
/// </summary>
public sealed record PidCgroup(IReadOnlyList<CgroupMembership> Memberships)
{
    /// <summary>The unified (v2) path when there is one, else the path of the first v1 hierarchy with controllers.</summary>
    public string DisplayPath
    {
        get
        {
            foreach (CgroupMembership m in Memberships)
                if (m.HierarchyId == 0) return m.Path;
            foreach (CgroupMembership m in Memberships)
                if (m.Controllers.Length > 0 && !m.Controllers.StartsWith("name=", StringComparison.Ordinal)) return m.Path;
            return Memberships.Count > 0 ? Memberships[0].Path : "";
        }
    }
}

public sealed record CgroupMembership(int HierarchyId, string Controllers, string Path);
