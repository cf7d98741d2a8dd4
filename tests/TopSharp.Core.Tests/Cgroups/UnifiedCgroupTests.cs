using System.Diagnostics;
using TopSharp.Core.Cgroups;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>
/// A cgroup's v2 id (the inode of its directory) and its path below the unified root, from the captured trees'
/// directories, a temporary hybrid tree and this machine's unified mount; each id checked against <c>stat -c %i</c>.
/// </summary>
public sealed class UnifiedCgroupTests : IDisposable
{
    private readonly string _tree = Directory.CreateTempSubdirectory("topsharp-unified-").FullName;

    private static CgroupLayout Layout(KernelRoot root)
    {
        using var file = new KernelFile();
        return MountInfoReader.Read(root, file, []);
    }

    /// <summary>coreutils' own answer, to compare with.</summary>
    private static ulong StatInode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        string text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return ulong.Parse(text.Trim());
    }

    [Fact]
    public void The_inode_is_the_one_stat_prints_and_a_file_is_not_a_directory()
    {
        Assert.True(UnifiedCgroup.TryReadInode(_tree, out ulong inode, out bool isDirectory, out int errno));
        Assert.Equal((StatInode(_tree), true, 0), (inode, isDirectory, errno));
        string file = Path.Join(_tree, "file");
        File.WriteAllText(file, "");
        Assert.True(UnifiedCgroup.TryReadInode(file, out inode, out isDirectory, out _));
        Assert.Equal((StatInode(file), false), (inode, isDirectory));
        Assert.False(UnifiedCgroup.TryReadInode(Path.Join(_tree, "missing"), out _, out _, out errno));
        Assert.Equal(2, errno);
    }

    [Fact]
    public void A_group_of_the_captured_v2_tree_is_its_directory_s_inode_and_its_path()
    {
        KernelRoot root = FixtureRoots.Cgroup2T0;
        CgroupHierarchy unified = Layout(root).Unified!;

        Assert.True(UnifiedCgroup.TryResolve(root, unified, "/batch/job1/", out UnifiedCgroup group, out string error), error);
        Assert.Equal("/batch/job1", group.Path);
        Assert.Equal(StatInode(Path.Join(root.Path, "sys/fs/cgroup/batch/job1")), group.Id);
        Assert.True(UnifiedCgroup.TryResolve(root, unified, "/", out UnifiedCgroup top, out _));
        Assert.Equal(("/", StatInode(Path.Join(root.Path, "sys/fs/cgroup"))), (top.Path, top.Id));
    }

    [Theory]
    [InlineData("/batch/nope", "no cgroup /batch/nope on the unified hierarchy (")]
    [InlineData("/batch/cgroup.procs", "no cgroup /batch/cgroup.procs on the unified hierarchy (")]
    [InlineData("batch", "'batch' is not a cgroup path (it starts with / and has no . or .. parts, e.g. /system.slice/ssh.service)")]
    [InlineData("/batch/../..", "'/batch/../..' is not a cgroup path")]
    [InlineData("/a//b", "'/a//b' is not a cgroup path")]
    [InlineData("/new\nline", "no cgroup /new\\nline on the unified hierarchy")]
    public void A_path_that_is_no_group_says_why(string path, string expected)
    {
        KernelRoot root = FixtureRoots.Cgroup2T0;
        Assert.False(UnifiedCgroup.TryResolve(root, Layout(root).Unified!, path, out _, out string error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void A_group_on_a_v1_hierarchy_has_no_v2_id()
    {
        KernelRoot root = FixtureRoots.Cgroup1T0;
        CgroupLayout layout = Layout(root);

        Assert.False(UnifiedCgroup.TryResolve(root, layout.V1With("cpuacct")!, "/batch", out _, out string error));
        Assert.Equal("cpu,cpuacct:/batch is on a cgroup v1 hierarchy, which has no cgroup v2 id to filter by", error);
        Assert.False(UnifiedCgroup.TryResolve(root, layout, "/batch", out _, out error));
        Assert.StartsWith("no cgroup v2 (unified) hierarchy is mounted", error);
    }

    [Fact]
    public void On_a_hybrid_tree_a_path_only_v1_has_is_named_with_its_hierarchies()
    {
        Directory.CreateDirectory(Path.Join(_tree, "proc/self"));
        File.WriteAllText(Path.Join(_tree, "proc/self/mountinfo"), """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw

            """);
        foreach (string dir in (string[])["sys/fs/cgroup/cpu/batch", "sys/fs/cgroup/memory/batch", "sys/fs/cgroup/unified/system.slice/ssh.service"])
            Directory.CreateDirectory(Path.Join(_tree, dir));
        var root = new KernelRoot(_tree);
        CgroupLayout layout = Layout(root);

        Assert.True(UnifiedCgroup.TryResolve(root, layout, "/system.slice/ssh.service", out UnifiedCgroup ssh, out _));
        Assert.Equal(StatInode(Path.Join(_tree, "sys/fs/cgroup/unified/system.slice/ssh.service")), ssh.Id);
        Assert.False(UnifiedCgroup.TryResolve(root, layout, "/batch", out _, out string error));
        Assert.EndsWith("; it exists on v1 hierarchies only (cpu memory), which have no cgroup v2 id", error);
        Assert.StartsWith("no cgroup /batch on the unified hierarchy", error);
    }

    [SkippableFact]
    public void This_machine_s_unified_root_and_its_children_match_stat()
    {
        CgroupLayout layout = Layout(KernelRoot.Live);
        Requires.That(layout.Unified is not null, "needs the unified (v2) hierarchy mounted");
        CgroupHierarchy unified = layout.Unified!;
        string top = unified.DirectoryOf(KernelRoot.Live, "/");
        foreach (string dir in Directory.GetDirectories(top).Prepend(top))
        {
            string path = dir == top ? "/" : "/" + Path.GetFileName(dir);
            Assert.True(UnifiedCgroup.TryResolve(KernelRoot.Live, layout, path, out UnifiedCgroup group, out string error), error);
            Assert.Equal(StatInode(dir), group.Id);
        }
    }

    public void Dispose() => Directory.Delete(_tree, recursive: true);
}
