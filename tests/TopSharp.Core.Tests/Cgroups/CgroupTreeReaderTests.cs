using TopSharp.Core.Cgroups;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>Every cgroup of the captures, values from tests/fixtures/numa4-cgroup{2,1}/ANSWERS.md "cgroups".</summary>
public class CgroupTreeReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void V2_tree_in_pre_order()
    {
        CgroupSnapshot s = Read(FixtureRoots.Cgroup2T0);

        Assert.Equal(CgroupMode.V2, s.Mode);
        CgroupTree tree = Assert.Single(s.Trees);
        Assert.Equal(
            ["/", "/batch", "/batch/job1", "/batch/job2", "/system.slice", "/system.slice/cron.service", "/system.slice/db.service", "/system.slice/web.service"],
            tree.Cgroups.Select(c => c.Path));
        Assert.Equal([0, 1, 2, 2, 1, 2, 2, 2], tree.Cgroups.Select(c => c.Depth));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void V2_partitions_take_cpus_from_their_parent()
    {
        CgroupSnapshot s = Read(FixtureRoots.Cgroup2T0);

        Assert.Equal(("0-1", "0-3", null), Cpuset(s.Find("unified", "/")!));
        Assert.Equal(("4-7", "1-3", "root"), Cpuset(s.Find("unified", "/batch")!));
        Assert.Equal(("2-3", "1", "root"), Cpuset(s.Find("unified", "/batch/job1")!));
        Assert.Equal(("4-7", "2-3", "member"), Cpuset(s.Find("unified", "/batch/job2")!));
        Assert.Equal(("0-1", "0-3", "member"), Cpuset(s.Find("unified", "/system.slice/web.service")!));
    }

    [Fact]
    public void V2_limits_usage_frozen_state_and_process_counts()
    {
        CgroupSnapshot s = Read(FixtureRoots.Cgroup2T0);
        Cgroup job1 = s.Find("unified", "/batch/job1")!, job2 = s.Find("unified", "/batch/job2")!, root = s.Find("unified", "/")!;

        Assert.Equal((34328576UL, 268435456UL, 209715200UL), (job1.MemoryCurrentBytes, job1.MemoryMaxBytes, job1.MemoryHighBytes));
        Assert.Equal((17793024UL, 134217728UL, CgroupValue.Max), (job2.MemoryCurrentBytes, job2.MemoryMaxBytes, job2.MemoryHighBytes));
        Assert.Equal((4UL, 8UL), (job2.PidsCurrent, job2.PidsMax));
        Assert.Equal((5UL, CgroupValue.Max), (job1.PidsCurrent, job1.PidsMax));
        Assert.Equal((13655681000UL, 135UL, 12716971UL), (job1.CpuUsageNs, job1.CpuStat!.Value.NrThrottled, job1.CpuStat.Value.ThrottledUsec));
        Assert.Equal((null, null, null), (root.MemoryMaxBytes, root.PidsMax, root.Frozen));
        Assert.Equal("domain", job1.Type);
        Assert.True(s.Find("unified", "/system.slice/cron.service")!.Frozen);
        Assert.All(s.Trees[0].Cgroups.Where(c => c.Path is not ("/" or "/system.slice/cron.service")), c => Assert.False(c.Frozen));
        Assert.Equal([112, 0, 1, 2, 0, 1, 3, 3], s.Trees[0].Cgroups.Select(c => c.NrProcesses ?? -1));
        Assert.Equal(new IoStat(0, 0, 0, 0), job1.Io);
        Assert.Equal(74.11, job1.Pressure!.Cpu!.Some.Avg10);
        Assert.Equal(36.71, job1.Pressure.Cpu.Full!.Value.Avg10);
        Assert.Equal(0, job1.Pressure.Memory!.Some.Avg10);
    }

    [Fact]
    public void V1_values_come_from_the_hierarchy_that_carries_each_controller()
    {
        CgroupSnapshot s = Read(FixtureRoots.Cgroup1T0);

        Assert.Equal(CgroupMode.V1, s.Mode);
        Assert.Equal(14, s.Trees.Count);
        Assert.Equal(8, s.Trees.Single(t => t.Hierarchy.Name == "cpu,cpuacct").Cgroups.Count);
        Assert.Equal(["/"], s.Trees.Single(t => t.Hierarchy.Name == "name=systemd").Cgroups.Select(c => c.Path));

        Assert.Equal((51937280UL, 1073741824UL), (s.Find("memory", "/batch")!.MemoryCurrentBytes, s.Find("memory", "/batch")!.MemoryMaxBytes));
        Assert.Equal(0UL, s.Find("memory", "/batch/job1")!.MemoryCurrentBytes);
        Assert.True(CgroupValue.IsUnlimited(s.Find("memory", "/")!.MemoryMaxBytes!.Value));
        Assert.False(CgroupValue.IsUnlimited(s.Find("memory", "/batch")!.MemoryMaxBytes!.Value));
        Assert.Equal(("0-1", "0"), (s.Find("cpuset", "/system.slice/web.service")!.CpusEffective!.ToString(), s.Find("cpuset", "/system.slice/web.service")!.MemsEffective!.ToString()));
        Assert.Equal("2-3", s.Find("cpuset", "/batch/job1")!.CpusEffective!.ToString());
        Assert.Equal(13294134991UL, s.Find("cpu,cpuacct", "/batch/job1")!.CpuUsageNs);
        Assert.Equal(131UL, s.Find("cpu,cpuacct", "/batch/job1")!.CpuStat!.Value.NrThrottled);
        Assert.Equal((4UL, 8UL), (s.Find("pids", "/batch/job2")!.PidsCurrent, s.Find("pids", "/batch/job2")!.PidsMax));
        Assert.Equal((null, null), (s.Find("pids", "/")!.PidsCurrent, s.Find("pids", "/")!.PidsMax));
        Assert.True(s.Find("freezer", "/system.slice/cron.service")!.Frozen);
        Assert.False(s.Find("freezer", "/batch")!.Frozen);
        Assert.Null(s.Find("freezer", "/")!.Frozen);
        Assert.Null(s.Find("cpuset", "/batch")!.MemoryCurrentBytes);
        Assert.Equal(2, s.Find("freezer", "/batch/job2")!.NrProcesses);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void An_unparsable_file_is_a_diagnostic_and_a_null_value()
    {
        string dir = Directory.CreateTempSubdirectory("cg").FullName;
        try
        {
            File.WriteAllText(Path.Join(dir, "memory.max"), "lots\n");
            File.WriteAllText(Path.Join(dir, "cpuset.cpus.effective"), "0-x\n");
            File.WriteAllText(Path.Join(dir, "pids.max"), "max\n");
            using var file = new KernelFile();
            Cgroup c = new CgroupReader(file, _diagnostics).Read(new CgroupHierarchy(2, [], "/sys/fs/cgroup", "/"), dir, "/x");

            Assert.Equal((null, null, CgroupValue.Max), (c.MemoryMaxBytes, c.CpusEffective, c.PidsMax));
            Assert.Equal(["expected a number or max: 'lots'", "expected a CPU list: '0-x'"], _diagnostics.Select(d => d.Reason));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static (string?, string?, string?) Cpuset(Cgroup c) => (c.CpusEffective?.ToString(), c.MemsEffective?.ToString(), c.Partition);

    private CgroupSnapshot Read(KernelRoot root)
    {
        using var file = new KernelFile();
        return CgroupTreeReader.Read(root, file, _diagnostics);
    }
}
