using Microsoft.Extensions.Time.Testing;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests;

public sealed class DashboardViewModelTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topsharp-dash-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new();
    private readonly List<ProcessFiles> _asked = [];

    private SystemSnapshot Source(SampleRequest request)
    {
        _asked.Add(request.Files);
        return Snapshots.Snap((_time.GetUtcNow() - _time.Start).TotalSeconds, Snapshots.Proc(1, ticks: (ulong)_asked.Count * 20));
    }

    private DashboardViewModel Create(IReadOnlyList<PaneId>? panes = null)
    {
        var store = new ConfigStore(_dir);
        ConfigLoad load = store.Load();
        SamplerLoop loop = SamplerLoop.Live(Source, SnapshotRates.Between, _time, load.Config.Delay);
        return new DashboardViewModel(loop, store, load, _time, new FakeProcessControl(), panes);
    }

    [Fact]
    public void The_memory_and_cgroup_panes_read_their_kernel_files_only_while_shown()
    {
        using DashboardViewModel dash = Create([PaneId.Processes, PaneId.Cgroups, PaneId.Memory]);
        dash.Start();
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(ProcessFiles.None, _asked[^1] & (ProcessFiles.KernelMemory | ProcessFiles.CgroupTree));

        dash.Layout.Show(PaneId.Memory);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(ProcessFiles.KernelMemory, _asked[^1] & (ProcessFiles.KernelMemory | ProcessFiles.CgroupTree));

        dash.Layout.Show(PaneId.Cgroups);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(ProcessFiles.CgroupTree, _asked[^1] & (ProcessFiles.KernelMemory | ProcessFiles.CgroupTree));
    }

    [Fact]
    public void Samples_reach_header_and_table_and_columns_decide_the_files_read()
    {
        using DashboardViewModel dash = Create();
        dash.Start();
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal("13.3", dash.Processes.State.CurrentValue.Rows[0].Cells[8]);   // 20 ticks in 1.5 s
        Assert.NotNull(dash.Header.State.CurrentValue.Memory);

        dash.Processes.ToggleColumn(ColumnId.RunqPercent);
        dash.Processes.ToggleColumn(ColumnId.Cpus);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(ProcessFiles.SchedStat | ProcessFiles.Status, _asked[^1]);
    }

    [Fact]
    public void Changes_are_saved_a_second_later_and_on_quit_and_restored_next_start()
    {
        DashboardViewModel dash = Create();
        dash.Start();
        dash.Processes.SortBy(ColumnId.Pid);
        dash.Sampler.Faster();
        Assert.False(File.Exists(Path.Combine(_dir, "config.json")));
        _time.Advance(DashboardViewModel.SaveDelay);
        Assert.True(File.Exists(Path.Combine(_dir, "config.json")));

        dash.Processes.ToggleTree();
        dash.Dispose();   // quit saves at once

        using DashboardViewModel again = Create();
        Assert.Equal(TimeSpan.FromSeconds(1), again.Sampler.Delay.CurrentValue);
        Assert.Equal(ColumnId.Pid, again.Processes.State.CurrentValue.SortColumn);
        Assert.True(again.Processes.State.CurrentValue.Tree);
    }

    [Fact]
    public void A_corrupt_config_shows_in_the_status_line_and_the_dashboard_still_runs()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "config.json"), "{ \"delaySeconds\": }");
        using DashboardViewModel dash = Create();
        dash.Start();
        Assert.StartsWith("config.json: line 1: ", dash.Status.State.CurrentValue.Text);
        Assert.Single(dash.Processes.State.CurrentValue.Rows);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
