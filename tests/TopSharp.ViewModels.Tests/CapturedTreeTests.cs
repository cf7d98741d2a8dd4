using Microsoft.Extensions.Time.Testing;
using TopSharp.Core;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests;

/// <summary>The whole chain on a captured tree (<c>--root</c>): real Sampler, real rates, frozen loop, every view model.</summary>
public sealed class CapturedTreeTests : IDisposable
{
    private readonly string _configDir = Path.Combine(Path.GetTempPath(), "topsharp-captured-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_captured_pair_fills_header_and_table()
    {
        string tree = Fixtures.Dir("numa4-cgroup2");
        using var t0 = new Sampler(new KernelRoot(Path.Combine(tree, "t0")));
        using var t1 = new Sampler(new KernelRoot(Path.Combine(tree, "t1")));
        var time = new FakeTimeProvider();
        SamplerLoop loop = SamplerLoop.Frozen(t0.Sample, t1.Sample, SnapshotRates.Between, time);
        var store = new ConfigStore(_configDir);
        using var dash = new DashboardViewModel(loop, store, store.Load(), time, new FakeProcessControl());
        dash.Start();
        time.Advance(TimeSpan.FromMinutes(1));

        Sample sample = loop.Latest.CurrentValue!;
        Assert.Equal(3.47, sample.Rates!.Interval.TotalSeconds, 3);   // proc/uptime 22.46 − 18.99
        var header = dash.Header.State.CurrentValue;
        Assert.NotEmpty(header.Cpus);
        Assert.NotNull(header.Memory);
        Assert.NotNull(header.Load);
        Assert.NotNull(header.Uptime);

        ProcessTableState table = dash.Processes.State.CurrentValue;
        Assert.Equal(sample.Snapshot.Processes.Count, table.Rows.Count(r => !r.Is(RowFlags.Dead)));
        Assert.Contains(table.Rows, r => r.Pid == 1);
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Cells.Count));
        Assert.All(table.Rows.SelectMany(r => r.Cells), cell => Assert.DoesNotContain(cell, c => char.IsControl(c)));

        dash.Processes.ToggleColumn(ColumnId.Cgroup);   // a frozen loop re-reads the pair with cgroup files
        Assert.Contains(dash.Processes.State.CurrentValue.Rows, r => r.Cells[^2].StartsWith('/'));
    }

    public void Dispose()
    {
        if (Directory.Exists(_configDir)) Directory.Delete(_configDir, recursive: true);
    }
}
