using Microsoft.Extensions.Time.Testing;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests.Processes;

/// <summary>
/// NODE and REMOTE% on the captured 4-node trees (tests/fixtures/*/ANSWERS.md): real Sampler, frozen loop,
/// the dashboard's wiring from the rows on screen to the numa_maps the sampler reads.
/// </summary>
public sealed class NumaColumnsTests : IDisposable
{
    private readonly string _configDir = Path.Combine(Path.GetTempPath(), "topsharp-numa-columns-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    /// <summary>
    /// t1's numa_maps (pages × kernelpagesize_kB) and stat field 39. numa4-cgroup2: numahog (157) holds
    /// 216 MiB of 297 on node 1 (bind:1) and last ran on CPU 1 (node 0): 94.6% remote; burner-job1 (159,
    /// bound to node 1) ran on CPU 2 (node 1): 2.1%; burner-job2 (160, nodes 2-3) on CPU 6 (node 3): 24.4%.
    /// The zombie (169) has an empty numa_maps; init (1) has none in the fixture (unreadable); 2 is a kernel thread.
    /// </summary>
    [Theory]
    [InlineData("numa4-cgroup2", 157, "1", "94.6")]
    [InlineData("numa4-cgroup2", 158, "0", "1.1")]
    [InlineData("numa4-cgroup2", 159, "1", "2.1")]
    [InlineData("numa4-cgroup2", 160, "3", "24.4")]
    [InlineData("numa4-cgroup2", 184, "0", "0.8")]
    [InlineData("numa4-cgroup2", 169, "-", "-")]
    [InlineData("numa4-cgroup2", 1, "-", "-")]
    [InlineData("numa4-cgroup2", 2, "-", "-")]
    [InlineData("numa4-cgroup1", 187, "1", "94.4")]
    [InlineData("numa4-cgroup1", 188, "0", "0.0")]
    [InlineData("numa4-cgroup1", 189, "1", "2.1")]
    [InlineData("numa4-cgroup1", 190, "3", "4.2")]
    [InlineData("numa4-cgroup1", 209, "-", "-")]
    public void Node_and_remote_share_of_the_rows_on_screen(string fixture, int pid, string node, string remote)
    {
        DashboardViewModel dash = Start(fixture);
        ProcessTableViewModel table = dash.Processes;
        table.SetColumns([ColumnId.Pid, ColumnId.NumaNode, ColumnId.RemotePercent, ColumnId.Command]);
        table.SetVisibleRows(0, 1000);   // a screen tall enough for every row

        ProcessRow row = table.State.CurrentValue.Rows.Single(r => r.Pid == pid);
        Assert.Equal((node, remote), (row.Cells[1], row.Cells[2]));
    }

    [Fact]
    public void Only_the_rows_on_screen_have_their_numa_maps_read()
    {
        DashboardViewModel dash = Start("numa4-cgroup2");
        ProcessTableViewModel table = dash.Processes;
        table.SortBy(ColumnId.Pid);
        Assert.Empty(dash.Sampler.Request.NumaMapsPids);   // neither column shown: nothing asked for, whatever is on screen
        table.SetVisibleRows(0, 50);
        Assert.Empty(dash.Sampler.Request.NumaMapsPids);

        table.SetColumns([ColumnId.Pid, ColumnId.NumaNode, ColumnId.RemotePercent, ColumnId.Command]);
        int first = table.State.CurrentValue.Rows.ToList().FindIndex(r => r.Pid == 157);
        table.SetVisibleRows(first, 3);   // 157 158 159 on screen; 160 and 184 below

        Assert.Equal([157, 158, 159], dash.Sampler.Request.NumaMapsPids.Order());
        SystemSnapshot read = dash.Sampler.Latest.CurrentValue!.Snapshot;
        Assert.Equal([157, 158, 159], read.NumaMaps.Keys.Order());
        ProcessTableState state = table.State.CurrentValue;
        Assert.Equal(["1", "0", "1", "-", "-"], new[] { 157, 158, 159, 160, 184 }.Select(p => state.Rows.Single(r => r.Pid == p).Cells[1]));

        table.SetVisibleRows(first + 3, 3);   // scrolled: 160 on screen, the others no longer read
        Assert.Contains(160, dash.Sampler.Latest.CurrentValue!.Snapshot.NumaMaps.Keys);
        Assert.DoesNotContain(157, dash.Sampler.Latest.CurrentValue!.Snapshot.NumaMaps.Keys);

        table.SetColumns(ColumnCatalogue.Default);   // columns off: nothing read any more
        Assert.Empty(dash.Sampler.Request.NumaMapsPids);
        Assert.Empty(dash.Sampler.Latest.CurrentValue!.Snapshot.NumaMaps);
    }

    [Fact]
    public void A_thread_row_asks_for_its_process()
    {
        DashboardViewModel dash = Start("numa4-cgroup2");
        ProcessTableViewModel table = dash.Processes;
        table.SetColumns([ColumnId.Pid, ColumnId.NumaNode, ColumnId.RemotePercent, ColumnId.Command]);
        table.SortBy(ColumnId.Pid);
        table.ToggleThreads();
        int burn0 = table.State.CurrentValue.Rows.ToList().FindIndex(r => r.Pid == 173);   // burner-job1's burn-0
        table.SetVisibleRows(burn0, 1);

        Assert.Equal([159], dash.Sampler.Request.NumaMapsPids);
        ProcessRow row = table.State.CurrentValue.Rows.Single(r => r.Pid == 173);
        Assert.Equal("1", row.Cells[1]);   // its process's memory, on node 1
    }

    [Fact]
    public void The_node_columns_need_numa_maps_and_nothing_else()
    {
        Assert.Equal(ProcessFiles.NumaMaps, ColumnCatalogue.Needs([ColumnId.NumaNode]));
        Assert.Equal(ProcessFiles.NumaMaps, ColumnCatalogue.Needs([ColumnId.RemotePercent]));
        Assert.DoesNotContain(ColumnId.NumaNode, ColumnCatalogue.Default);
    }

    private DashboardViewModel Start(string fixture)
    {
        string tree = Fixtures.Dir(fixture);
        var t0 = new Sampler(new KernelRoot(Path.Combine(tree, "t0")));
        var t1 = new Sampler(new KernelRoot(Path.Combine(tree, "t1")));
        var time = new FakeTimeProvider();
        SamplerLoop loop = SamplerLoop.Frozen(t0.Sample, t1.Sample, SnapshotRates.Between, time);
        var store = new ConfigStore(_configDir);
        var dash = new DashboardViewModel(loop, store, store.Load(), time, new FakeProcessControl());
        _owned.AddRange([dash, t0, t1]);
        dash.Start();
        return dash;
    }

    public void Dispose()
    {
        foreach (IDisposable d in _owned) d.Dispose();
        if (Directory.Exists(_configDir)) Directory.Delete(_configDir, recursive: true);
    }
}
