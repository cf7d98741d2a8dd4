namespace TopSharp.Core.Cgroups;

/// <summary>Every mounted hierarchy with its cgroups, as read in one pass: immutable counters, never rates.</summary>
public sealed record CgroupSnapshot(CgroupMode Mode, IReadOnlyList<CgroupTree> Trees)
{
    public static CgroupSnapshot Empty { get; } = new(CgroupMode.None, []);

    /// <summary>The cgroup at <paramref name="path"/> in the hierarchy named <paramref name="hierarchy"/> (<c>unified</c>, <c>cpu,cpuacct</c>).</summary>
    public Cgroup? Find(string hierarchy, string path) =>
        Trees.FirstOrDefault(t => t.Hierarchy.Name == hierarchy)?.Cgroups.FirstOrDefault(c => c.Path == path);
}

/// <summary>One hierarchy's cgroups in pre-order (a parent before its children, siblings by name).</summary>
public sealed record CgroupTree(CgroupHierarchy Hierarchy, IReadOnlyList<Cgroup> Cgroups);

/// <summary>Identity of a cgroup across snapshots: its hierarchy's name and its path.</summary>
public readonly record struct CgroupKey(string Hierarchy, string Path);
