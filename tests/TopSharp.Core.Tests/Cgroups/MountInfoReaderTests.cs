using System.Text;
using TopSharp.Core.Cgroups;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>Discovery from proc/self/mountinfo: the two captures (README.md "cgroup layout") and this VM's hybrid lines.</summary>
public class MountInfoReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Pure_v2_is_one_unified_hierarchy_at_sys_fs_cgroup()
    {
        CgroupLayout layout = Read(FixtureRoots.Cgroup2T0);

        Assert.Equal(CgroupMode.V2, layout.Mode);
        CgroupHierarchy h = Assert.Single(layout.Hierarchies);
        Assert.Equal(("unified", "/sys/fs/cgroup", "/"), (h.Name, h.MountPoint, h.MountRoot));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Pure_v1_has_a_hierarchy_per_controller_the_co_mounted_cpu_cpuacct_and_the_named_systemd()
    {
        CgroupLayout layout = Read(FixtureRoots.Cgroup1T0);

        Assert.Equal(CgroupMode.V1, layout.Mode);
        Assert.Null(layout.Unified);
        Assert.Equal(
            ["cpuset", "memory", "blkio", "pids", "devices", "freezer", "perf_event", "hugetlb", "net_cls", "net_prio", "rdma", "misc", "cpu,cpuacct", "name=systemd"],
            layout.Hierarchies.Select(h => h.Name));
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", layout.V1With("cpuacct")!.MountPoint);
        Assert.Same(layout.V1With("cpu"), layout.V1With("cpuacct"));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Hybrid_puts_the_unified_mount_first_and_keeps_the_v1_controllers()
    {
        // This VM's lines (Debian 12, systemd "hybrid"): cpu and cpuacct mounted apart, unified at /sys/fs/cgroup/unified.
        const string text = """
            22 1 0:20 / /proc rw,relatime - proc proc rw
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset,clone_children,release_agent=/x
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            41 30 0:30 /batch /mnt/batch\040set rw,relatime - cgroup cgroup rw,cpuset
            """;

        CgroupLayout layout = MountInfoReader.Parse(Encoding.UTF8.GetBytes(text), _diagnostics);

        Assert.Equal(CgroupMode.Hybrid, layout.Mode);
        Assert.Equal(["unified", "cpu", "cpuacct", "cpuset", "name=systemd"], layout.Hierarchies.Select(h => h.Name));
        Assert.Equal("/sys/fs/cgroup/unified", layout.Unified!.MountPoint);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Escaped_mount_points_are_decoded_and_a_broken_cgroup_line_is_reported()
    {
        const string text = "50 1 0:40 /a\\134b /mnt/my\\040cg\\011x rw - cgroup2 cgroup2 rw\n51 1 0:41 / /x rw cgroup cgroup rw,cpu\n";

        CgroupLayout layout = MountInfoReader.Parse(Encoding.UTF8.GetBytes(text), _diagnostics, "mi");

        CgroupHierarchy h = Assert.Single(layout.Hierarchies);
        Assert.Equal(("/mnt/my cg\tx", "/a\\b"), (h.MountPoint, h.MountRoot));
        Assert.Equal(new ParseDiagnostic("mountinfo", "mi", 2, "unparsable cgroup mount: '51 1 0:41 / /x rw cgroup cgroup rw,cpu'"), Assert.Single(_diagnostics));
    }

    [Fact]
    public void A_root_without_mountinfo_has_no_hierarchies()
    {
        using var file = new KernelFile();
        Assert.Equal(CgroupMode.None, MountInfoReader.Read(new KernelRoot(Path.GetTempPath()), file, _diagnostics).Mode);
    }

    private CgroupLayout Read(KernelRoot root)
    {
        using var file = new KernelFile();
        return MountInfoReader.Read(root, file, _diagnostics);
    }
}
