namespace TopSharp.Core.Cgroups;

/// <summary>
/// One mounted cgroup hierarchy (Documentation/admin-guide/cgroup-v1/cgroups.rst, cgroup-v2.rst "Mounting"):
/// the unified (v2) one, or a v1 one with its controllers (<c>cpu,cpuacct</c>) and/or a name (<c>name=systemd</c>).
/// </summary>
/// <param name="Version">1 or 2.</param>
/// <param name="Controllers">v1: the controllers and the <c>name=</c> option in the kernel's order; v2: empty.</param>
/// <param name="MountPoint">Where it is mounted, as the machine sees it (<c>/sys/fs/cgroup/cpuset</c>).</param>
/// <param name="MountRoot">The cgroup the mount shows as its top (mountinfo field 4): <c>/</c> unless bind-mounted from inside.</param>
public sealed record CgroupHierarchy(int Version, IReadOnlyList<string> Controllers, string MountPoint, string MountRoot)
{
    /// <summary>What /proc/PID/cgroup writes in its second field: <c>cpu,cpuacct</c>, <c>name=systemd</c>; <c>unified</c> for v2.</summary>
    public string Name => Version == 2 ? "unified" : string.Join(',', Controllers);

    public bool IsUnified => Version == 2;

    /// <summary>The directory of the cgroup at <paramref name="path"/> (as /proc/PID/cgroup writes it) below <paramref name="root"/>.</summary>
    public string DirectoryOf(KernelRoot root, string path)
    {
        string below = MountRoot == "/" ? path
            : path == MountRoot ? "/"
            : path.StartsWith(MountRoot + "/", StringComparison.Ordinal) ? path[MountRoot.Length..] : path;
        return System.IO.Path.Join(root.Path, MountPoint.TrimStart('/'), below.TrimStart('/'));
    }

    /// <summary>Whether <paramref name="controller"/> (<c>cpuacct</c>, <c>memory</c>…) is attached here; v2 files are looked for on disk instead.</summary>
    public bool Has(string controller) => Controllers.Contains(controller);
}

/// <summary>How the machine mounts cgroups (Documentation/admin-guide/cgroup-v2.rst, "Mounting").</summary>
public enum CgroupMode
{
    /// <summary>No cgroup filesystem is mounted (or mountinfo could not be read).</summary>
    None,
    /// <summary>Only v1 hierarchies.</summary>
    V1,
    /// <summary>Only the unified hierarchy.</summary>
    V2,
    /// <summary>v1 controller hierarchies plus the unified one (systemd's "hybrid" layout).</summary>
    Hybrid,
}

/// <summary>The hierarchies a machine mounts, v2 first, then v1 in mountinfo order.</summary>
public sealed record CgroupLayout(IReadOnlyList<CgroupHierarchy> Hierarchies)
{
    public CgroupMode Mode =>
        (Hierarchies.Any(h => h.IsUnified), Hierarchies.Any(h => !h.IsUnified)) switch
        {
            (true, true) => CgroupMode.Hybrid,
            (true, false) => CgroupMode.V2,
            (false, true) => CgroupMode.V1,
            _ => CgroupMode.None,
        };

    /// <summary>The unified hierarchy, when mounted.</summary>
    public CgroupHierarchy? Unified => Hierarchies.FirstOrDefault(h => h.IsUnified);

    /// <summary>The v1 hierarchy that carries <paramref name="controller"/>, when mounted.</summary>
    public CgroupHierarchy? V1With(string controller) => Hierarchies.FirstOrDefault(h => !h.IsUnified && h.Has(controller));
}
