using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>Membership per hierarchy from the captures' /proc/PID/cgroup (README.md "Process placement differs per hierarchy").</summary>
public class CgroupMembersTests
{
    private static PidCgroup Read(KernelRoot root, int pid)
    {
        using var file = new KernelFile();
        Assert.True(PidCgroupReader.TryRead(root, file, pid, out PidCgroup? c, []));
        return c!;
    }

    [Fact]
    public void V1_burner_is_in_job1_for_cpu_and_cpuset_but_in_batch_for_memory_and_at_the_root_for_pids()
    {
        PidCgroup burner = Read(FixtureRoots.Cgroup1T0, 189);

        Assert.Equal("/batch/job1", CgroupMembers.PathIn(burner, "cpu,cpuacct"));
        Assert.Equal("/batch", CgroupMembers.PathIn(burner, "memory"));
        Assert.Equal("/", CgroupMembers.PathIn(burner, "pids"));
        Assert.Null(CgroupMembers.PathIn(burner, "unified"));
        Assert.True(CgroupMembers.IsIn(burner, new CgroupKey("cpuset", "/batch")));
        Assert.True(CgroupMembers.IsIn(burner, new CgroupKey("memory", "/batch")));
        Assert.False(CgroupMembers.IsIn(burner, new CgroupKey("memory", "/batch/job1")));
        Assert.False(CgroupMembers.IsIn(burner, new CgroupKey("cpuset", "/batch/job")));
    }

    [Fact]
    public void V1_zombie_is_at_the_root_v2_zombie_keeps_its_group()
    {
        Assert.False(CgroupMembers.IsIn(Read(FixtureRoots.Cgroup1T0, 209), new CgroupKey("cpuset", "/system.slice/web.service")));
        Assert.True(CgroupMembers.IsIn(Read(FixtureRoots.Cgroup1T0, 209), new CgroupKey("cpuset", "/")));
        Assert.True(CgroupMembers.IsIn(Read(FixtureRoots.Cgroup2T0, 169), new CgroupKey("unified", "/system.slice")));
    }

    [Fact]
    public void A_group_directory_is_found_below_the_mount_and_its_root()
    {
        var h = new CgroupHierarchy(1, ["cpuset"], "/sys/fs/cgroup/cpuset", "/docker/abc");
        Assert.Equal("/r/sys/fs/cgroup/cpuset/x", h.DirectoryOf(new KernelRoot("/r"), "/docker/abc/x"));
        Assert.Equal("/sys/fs/cgroup/unified/a/b", new CgroupHierarchy(2, [], "/sys/fs/cgroup/unified", "/").DirectoryOf(KernelRoot.Live, "/a/b"));
    }

    [Theory]
    [InlineData(16, "Device or resource busy (errno 16): the no internal process rule")]
    [InlineData(95, "(errno 95): the group is threaded")]
    [InlineData(13, "(EACCES): needs root")]
    public void Move_refusals_read_as_words(int errno, string expected) => Assert.Contains(expected, CgroupErrors.Move(errno));

    [Fact]
    public void Affinity_refusals_read_as_words() =>
        Assert.Equal("Invalid argument (EINVAL): none of those CPUs is online and allowed by the process's cpuset (cpuset.cpus.effective)", CgroupErrors.Affinity(22));
}
