using R3;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Cgroups;
using TopSharp.ViewModels.Sampling;
using Xunit;

namespace TopSharp.ViewModels.Tests.Cgroups;

/// <summary>The cgroup pane's rows over the captures (numa4-cgroup2 t0 → t1, 3.47 s; numa4-cgroup1 t0 → t1).</summary>
public class CgroupTreeViewModelTests
{
    private static readonly Lazy<Sample> V2 = new(() => Captured("numa4-cgroup2"));
    private static readonly Lazy<Sample> V1 = new(() => Captured("numa4-cgroup1"));

    private static Sample Captured(string fixture)
    {
        SystemSnapshot Read(string t)
        {
            using var sampler = new Sampler(new KernelRoot(Fixtures.Dir($"{fixture}/{t}")));
            return sampler.Sample(ProcessFiles.CgroupTree);
        }
        SystemSnapshot t0 = Read("t0"), t1 = Read("t1");
        return new Sample(t1, t0, SnapshotRates.Between(t0, t1));
    }

    private static string Cell(CgroupTreeState s, string path, CgroupColumn column, string hierarchy = "unified") =>
        s.Rows.Single(r => r.Key == new CgroupKey(hierarchy, path)).Cells[(int)column];

    [Fact]
    public void V2_rows_in_tree_order_with_names_usage_limits_and_cpusets()
    {
        using var vm = new CgroupTreeViewModel(Observable.Return(V2.Value));
        CgroupTreeState s = vm.State.CurrentValue;

        Assert.Null(s.Message);
        Assert.Equal("cgroup v2 at /sys/fs/cgroup: 8 groups", s.Summary);
        Assert.Equal(["-unified", "├─-batch", "│ ├─ job1", "│ └─ job2", "└─-system.slice", "  ├─ cron.service", "  ├─ db.service", "  └─ web.service"],
            s.Rows.Select(r => r.Cells[0]));
        Assert.Equal("89.3", Cell(s, "/batch/job1", CgroupColumn.CpuPercent));
        Assert.Equal("256M/200M", Cell(s, "/batch/job1", CgroupColumn.MemoryMax));
        Assert.Equal("4/8", Cell(s, "/batch/job2", CgroupColumn.Pids));
        Assert.Equal(("2-3", "1", "root"), (Cell(s, "/batch/job1", CgroupColumn.Cpus), Cell(s, "/batch/job1", CgroupColumn.Mems), Cell(s, "/batch/job1", CgroupColumn.Partition)));
        Assert.Equal("4-7", Cell(s, "/batch", CgroupColumn.Cpus));
        Assert.Equal("yes", Cell(s, "/system.slice/cron.service", CgroupColumn.Frozen));
        Assert.Equal("79/39", Cell(s, "/batch/job1", CgroupColumn.PsiCpu));
        Assert.Equal("max", Cell(s, "/system.slice", CgroupColumn.MemoryMax));
        Assert.Equal("3", Cell(s, "/system.slice/db.service", CgroupColumn.Processes));
    }

    [Fact]
    public void Sorting_orders_siblings_and_keeps_children_under_their_parent()
    {
        using var vm = new CgroupTreeViewModel(Observable.Return(V2.Value));

        vm.SortBy(CgroupColumn.MemoryCurrent);   // numbers start high

        CgroupTreeState s = vm.State.CurrentValue;
        Assert.True(s.SortDescending);
        Assert.Equal(["/", "/system.slice", "/system.slice/db.service", "/system.slice/web.service", "/system.slice/cron.service", "/batch", "/batch/job1", "/batch/job2"],
            s.Rows.Select(r => r.Key.Path));
        Assert.Equal("MEM▼", s.Columns[(int)CgroupColumn.MemoryCurrent].Text);
        vm.SortBy(CgroupColumn.MemoryCurrent);
        Assert.Equal("/batch", vm.State.CurrentValue.Rows[1].Key.Path);
    }

    [Fact]
    public void Folds_and_the_selection_survive_a_refresh()
    {
        var samples = new Subject<Sample>();
        using var vm = new CgroupTreeViewModel(samples);
        samples.OnNext(V2.Value);

        vm.Move(+1);                 // /batch
        vm.ToggleFold();
        vm.Move(+1);                 // /system.slice (job1, job2 hidden)
        Assert.Equal("/system.slice", vm.Selected!.Value.Path);
        samples.OnNext(V2.Value with { });

        CgroupTreeState s = vm.State.CurrentValue;
        Assert.Equal(["/", "/batch", "/system.slice", "/system.slice/cron.service", "/system.slice/db.service", "/system.slice/web.service"], s.Rows.Select(r => r.Key.Path));
        Assert.Equal("├─+batch", s.Rows[1].Cells[0]);
        Assert.Equal(("/system.slice", 2), (s.Selected!.Value.Path, s.SelectedIndex));
    }

    [Fact]
    public void Select_unfolds_the_ancestors()
    {
        using var vm = new CgroupTreeViewModel(Observable.Return(V2.Value));
        vm.Move(+1);
        vm.ToggleFold();

        Assert.True(vm.Select(new CgroupKey("unified", "/batch/job2")));
        Assert.Equal("/batch/job2", vm.State.CurrentValue.SelectedRow!.Key.Path);
        Assert.False(vm.Select(new CgroupKey("unified", "/nope")));
    }

    [Fact]
    public void V1_shows_each_hierarchy_as_its_own_tree()
    {
        using var vm = new CgroupTreeViewModel(Observable.Return(V1.Value));
        CgroupTreeState s = vm.State.CurrentValue;

        Assert.Equal("cgroup v1: 14 hierarchies, 49 groups", s.Summary);
        Assert.Equal(49, s.Rows.Count);
        Assert.Equal("-cpu,cpuacct", Cell(s, "/", CgroupColumn.Name, "cpu,cpuacct"));
        Assert.Equal("94.2", Cell(s, "/batch/job1", CgroupColumn.CpuPercent, "cpu,cpuacct"));
        Assert.Equal("-", Cell(s, "/batch/job1", CgroupColumn.MemoryCurrent, "cpu,cpuacct"));
        Assert.Equal("49.5M", Cell(s, "/batch", CgroupColumn.MemoryCurrent, "memory"));
        Assert.Equal("1.00G", Cell(s, "/batch", CgroupColumn.MemoryMax, "memory"));
        Assert.Equal("max", Cell(s, "/", CgroupColumn.MemoryMax, "memory"));
        Assert.Equal("yes", Cell(s, "/system.slice/cron.service", CgroupColumn.Frozen, "freezer"));
    }

    [Fact]
    public void No_cgroup_tree_says_why()
    {
        Sample none = V2.Value with { Snapshot = V2.Value.Snapshot with { Cgroups = CgroupSnapshot.Empty } };
        using var vm = new CgroupTreeViewModel(Observable.Return(none));

        Assert.StartsWith("no cgroup filesystem is mounted", vm.State.CurrentValue.Message);
        Assert.Empty(vm.State.CurrentValue.Rows);
    }
}
