using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Testing;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests.Cgroups;

/// <summary>Enter in the cgroup pane filters the process table (numa4-cgroup1: placement differs per hierarchy).</summary>
public class CgroupFilterTests
{
    private static ProcessSample[] V1()
    {
        using var sampler = new Sampler(new KernelRoot(Fixtures.Dir("numa4-cgroup1/t0")));
        return [.. sampler.Sample(ProcessFiles.Cgroup | ProcessFiles.Status).Processes];
    }

    [Fact]
    public void Only_the_group_and_its_descendants_in_that_hierarchy()
    {
        using var h = new TableHarness();
        h.Vm.SetCgroupFilter(new CgroupKey("cpuset", "/batch"));
        Assert.True((h.Vm.RequiredFiles.CurrentValue & ProcessFiles.Cgroup) != 0);
        h.Push(V1());

        Assert.Equal([189, 190, 194], h.Pids.Order());
        Assert.Equal("cpuset:/batch", h.State.CgroupFilter);

        h.Vm.SetCgroupFilter(new CgroupKey("memory", "/batch/job1"));    // burner-job1 is in memory:/batch
        Assert.Empty(h.Pids);
        h.Vm.SetCgroupFilter(new CgroupKey("cpuset", "/system.slice/web.service"));
        Assert.Equal([191, 192, 193], h.Pids.Order());                    // the zombie 209 says / in v1
        h.Vm.SetCgroupFilter(null);
        Assert.True(h.Pids.Length > 10);
        Assert.Null(h.State.CgroupFilter);
    }

    [Fact]
    public void Mems_column_shows_mems_allowed_list()
    {
        using var h = new TableHarness();
        h.Vm.ToggleColumn(ColumnId.Mems);
        Assert.True((h.Vm.RequiredFiles.CurrentValue & ProcessFiles.Status) != 0);
        h.Push(V1());

        Assert.Equal("1", h.Cell(189, ColumnId.Mems));     // burner-job1: cpuset mems 1
        Assert.Equal("0", h.Cell(193, ColumnId.Mems));     // web.service: mems 0
        Assert.Equal("MEMS", h.State.Columns.Single(c => c.Id == ColumnId.Mems).Title);
    }
}
