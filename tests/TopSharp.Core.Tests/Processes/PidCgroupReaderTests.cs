using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class PidCgroupReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Unified_hierarchy_line()
    {
        using var file = new KernelFile();
        Assert.True(PidCgroupReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out PidCgroup? c, _diagnostics));
        Assert.Equal([new CgroupMembership(0, "", "/batch/job1")], c.Memberships);
        Assert.Equal("/batch/job1", c.DisplayPath);
    }

    [Fact]
    public void V1_hierarchies_keep_file_order_named_ones_included()
    {
        using var file = new KernelFile();
        Assert.True(PidCgroupReader.TryRead(FixtureRoots.Cgroup1T0, file, 189, out PidCgroup? c, _diagnostics));

        Assert.Equal(14, c.Memberships.Count);
        Assert.Equal(new CgroupMembership(14, "name=systemd", "/"), c.Memberships[0]);
        Assert.Equal(new CgroupMembership(13, "cpu,cpuacct", "/batch/job1"), c.Memberships[1]);
        Assert.Equal(new CgroupMembership(2, "memory", "/batch"), c.Memberships[12]);
        Assert.Equal(new CgroupMembership(1, "cpuset", "/batch/job1"), c.Memberships[13]);
        Assert.Equal("/batch/job1", c.DisplayPath);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Hybrid_with_a_colon_in_a_path()
    {
        Assert.True(PidCgroupReader.TryParse("1:name=systemd:/user.slice\n0::/odd:name\n"u8, out PidCgroup? c, _diagnostics));
        Assert.Equal([new CgroupMembership(1, "name=systemd", "/user.slice"), new CgroupMembership(0, "", "/odd:name")], c.Memberships);
        Assert.Equal("/odd:name", c.DisplayPath);
    }

    [Theory]
    [InlineData("garbage\n0::/\n", 1)]
    [InlineData("0::/\nx::/\n", 2)]
    [InlineData("0::/\n3:cpu\n", 2)]
    [InlineData("0::/\n3:cpu:relative\n", 2)]
    public void A_bad_line_is_reported_and_the_rest_kept(string text, int badLine)
    {
        Assert.True(PidCgroupReader.TryParse(Encoding.UTF8.GetBytes(text), out PidCgroup? c, _diagnostics, "proc/9/cgroup"));
        Assert.Equal([new CgroupMembership(0, "", "/")], c.Memberships);
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((PidCgroupReader.Source, "proc/9/cgroup", badLine), (d.Source, d.Path, d.Line));
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        Assert.False(PidCgroupReader.TryParse(""u8, out _, _diagnostics, "proc/9/cgroup"));
        Assert.Equal(new ParseDiagnostic(PidCgroupReader.Source, "proc/9/cgroup", 0, "no hierarchy line"), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Live_self_is_in_some_cgroup()
    {
        using var file = new KernelFile();
        Assert.True(PidCgroupReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out PidCgroup? c, _diagnostics));
        Assert.StartsWith("/", c.DisplayPath);
        Assert.Empty(_diagnostics);
    }
}
