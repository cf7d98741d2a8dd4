using System.Diagnostics;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Core.Text;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>
/// Real cgroups on this machine (root): a busy child in a one-CPU cpuset, read back through the sampler, then
/// affinity and moves done for real. Each test kills its child before removing its groups, also when it fails,
/// so no busy process is left for the accuracy tests of others.
/// </summary>
public sealed class CgroupLiveTests : IDisposable
{
    private readonly LiveCgroups _groups = new();
    private Process? _child;

    private static CgroupLayout Layout() => LiveCgroups.Layout();

    [SkippableFact]
    public void V1_cpuset_and_cpuacct_groups_hold_a_busy_child_on_one_cpu()
    {
        Requires.Root("creates cgroups and moves a process");
        CgroupLayout layout = Layout();
        Requires.That(layout.V1With("cpuset") is not null && layout.V1With("cpuacct") is not null, "needs v1 cpuset and cpuacct hierarchies mounted");
        CgroupHierarchy cpuset = layout.V1With("cpuset")!, cpuacct = layout.V1With("cpuacct")!;
        int cpu = Environment.ProcessorCount - 1;
        string path = LiveCgroups.UniquePath();
        string cpusetDir = Make(cpuset, path), cpuacctDir = Make(cpuacct, path);
        File.WriteAllText(Path.Join(cpusetDir, "cpuset.cpus"), $"{cpu}");
        File.WriteAllText(Path.Join(cpusetDir, "cpuset.mems"), "0");
        int pid = StartBusyChild();

        Assert.True(CgroupControl.Instance.Move(pid, cpusetDir).Succeeded);
        Assert.True(CgroupControl.Instance.Move(pid, cpuacctDir).Succeeded);
        (SystemSnapshot older, SystemSnapshot newer, SnapshotRates rates) = SampleTwice();

        Assert.Equal(CgroupMode.Hybrid, newer.Cgroups!.Mode);
        Cgroup group = newer.Cgroups.Find(cpuset.Name, path)!;
        Assert.Equal(CpuList.Of(cpu), group.CpusEffective);
        Assert.Equal(1, group.NrProcesses);
        Assert.Equal(CpuList.Of(cpu), CgroupControl.GetAffinity(pid));
        double groupCpu = rates.Cgroups[new CgroupKey(cpuacct.Name, path)].CpuPct!.Value;
        ProcessSample child = newer.Processes.Single(p => p.Pid == pid);
        double childCpu = rates.Processes[child.Key].CpuPct;
        Assert.InRange(groupCpu, 0.5, 105);                     // busy, and one CPU at most: the cpuset holds one (this VM's CPUs are shared, so no floor)
        Assert.InRange(groupCpu - childCpu, -6, 6);             // the group is that child (ticks vs ns accounting)
        Assert.Equal(path, CgroupMembers.PathIn(child.Cgroup!, cpuset.Name));
        Assert.Equal([pid], Members(newer, new CgroupKey(cpuset.Name, path)));
        Assert.Equal([pid], Members(newer, new CgroupKey(cpuacct.Name, path)));
        Assert.True(older.Cgroups!.Find(cpuacct.Name, path) is not null);

        // The cpuset allows only `cpu`: the kernel refuses any other CPU, and says why.
        if (cpu > 0)
        {
            ProcessControlResult refused = CgroupControl.Instance.SetAffinity(pid, CpuList.Of(0));
            Assert.Equal(Errno.EINVAL, refused.Errno);
            Assert.Contains("allowed by the process's cpuset", refused.Error);
        }
    }

    [SkippableFact]
    public void V2_group_under_the_unified_mount_counts_the_child_and_a_move_back_empties_it()
    {
        Requires.Root("creates cgroups and moves a process");
        CgroupLayout layout = Layout();
        Requires.That(layout.Unified is not null, "needs the unified (v2) hierarchy mounted");
        CgroupHierarchy unified = layout.Unified!;
        string path = LiveCgroups.UniquePath();
        string dir = Make(unified, path);
        int pid = StartBusyChild();
        Assert.True(CgroupControl.Instance.SetAffinity(pid, CpuList.Of(0)).Succeeded);
        Assert.Equal(CpuList.Of(0), CgroupControl.GetAffinity(pid));

        Assert.True(CgroupControl.Instance.Move(pid, dir).Succeeded);
        (_, SystemSnapshot newer, SnapshotRates rates) = SampleTwice();

        ProcessSample child = newer.Processes.Single(p => p.Pid == pid);
        Assert.Equal(path, CgroupMembers.PathIn(child.Cgroup!, "unified"));
        Assert.Equal("0", child.Status!.CpusAllowedList);
        Assert.Equal([pid], Members(newer, new CgroupKey("unified", path)));
        Assert.Equal(1, newer.Cgroups!.Find("unified", path)!.NrProcesses);
        double groupCpu = rates.Cgroups[new CgroupKey("unified", path)].CpuPct!.Value;
        Assert.InRange(groupCpu - rates.Processes[child.Key].CpuPct, -6, 6);

        // Back to the root: the group is empty again, and a group that is gone is refused in words.
        Assert.True(CgroupControl.Instance.Move(pid, unified.DirectoryOf(KernelRoot.Live, "/")).Succeeded);
        Assert.Equal("", File.ReadAllText(Path.Join(dir, "cgroup.procs")));
        ProcessControlResult gone = CgroupControl.Instance.Move(pid, dir + "-missing");
        Assert.Contains("the group no longer exists", gone.Error);
    }

    private static List<int> Members(SystemSnapshot s, CgroupKey group) =>
        [.. s.Processes.Where(p => p.Cgroup is { } c && CgroupMembers.IsIn(c, group)).Select(p => p.Pid)];

    private static (SystemSnapshot, SystemSnapshot, SnapshotRates) SampleTwice()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        const ProcessFiles files = ProcessFiles.Cgroup | ProcessFiles.Status | ProcessFiles.CgroupTree;
        SystemSnapshot older = sampler.Sample(files);
        Thread.Sleep(1000);   // a real CPU rate needs real time passing
        SystemSnapshot newer = sampler.Sample(files);
        return (older, newer, SnapshotRates.Between(older, newer));
    }

    private string Make(CgroupHierarchy h, string path) => _groups.Make(h, path);

    private int StartBusyChild()
    {
        _child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!;
        return _child.Id;
    }

    /// <summary>Kill the child first (a group with a process cannot be removed), then rmdir the groups.</summary>
    public void Dispose()
    {
        if (_child is { HasExited: false })
        {
            _child.Kill();
            _child.WaitForExit();
        }
        _child?.Dispose();
        _groups.Dispose();
    }
}
