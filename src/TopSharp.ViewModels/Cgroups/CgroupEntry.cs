using TopSharp.Core.Cgroups;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Cgroups;

/// <summary>One cgroup of one hierarchy with its rates: what a row and its sort key are made from.</summary>
public sealed record CgroupEntry(CgroupKey Key, CgroupHierarchy Hierarchy, Cgroup Group, CgroupRates? Rates)
{
    /// <summary>The hierarchy's name on its root row (<c>unified</c>, <c>cpu,cpuacct</c>), else the readable cgroup name.</summary>
    public string Name => Group.Path == "/" ? Hierarchy.Name : CgroupName.Of(Group.Path);
}
