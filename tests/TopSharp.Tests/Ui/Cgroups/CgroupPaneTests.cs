using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.Ui.Cgroups;
using TopSharp.ViewModels.Cgroups;
using TopSharp.ViewModels.Sampling;
using Xunit;

namespace TopSharp.Tests.Ui.Cgroups;

/// <summary>The cgroup pane over the numa4-cgroup2 captures (t0 → t1) on the headless driver.</summary>
public class CgroupPaneTests
{
    private static readonly Lazy<Sample> Captured = new(() =>
    {
        SystemSnapshot Read(string t)
        {
            using var sampler = new Sampler(new KernelRoot(Fixtures.Dir($"numa4-cgroup2/{t}")));
            return sampler.Sample(ProcessFiles.CgroupTree);
        }
        SystemSnapshot t0 = Read("t0"), t1 = Read("t1");
        return new Sample(t1, t0, SnapshotRates.Between(t0, t1));
    });

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void The_pane_draws_at_every_size(int width, int height)
    {
        using var h = new TopSharp.Tests.Ui.Harness(width, height);
        using var vm = new CgroupTreeViewModel(R3.Observable.Return(Captured.Value));
        using var pane = new CgroupTreeView(vm, null);
        var top = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(pane);
        h.Show(top);

        string[] lines = h.Lines();
        Assert.Equal(height, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= width && !l.Any(char.IsControl), l));
        Assert.StartsWith(width >= 20 ? "NAME▲" : "NAME", lines[0]);
        if (height >= 24)
        {
            Assert.StartsWith("│ ├─ job1                      89.3      9   84.4   32.7M     256M/200M         5"[..(width >= 200 ? 80 : 40)], lines[3]);
            Assert.StartsWith("cgroup v2 at /sys/fs/cgroup: 8 groups │ unified:/", lines[height - 1]);
        }
        top.Dispose();
    }

    [Fact]
    public void Keys_move_fold_and_ask_for_a_filter()
    {
        using var h = new TopSharp.Tests.Ui.Harness(120, 20);
        using var vm = new CgroupTreeViewModel(R3.Observable.Return(Captured.Value));
        using var pane = new CgroupTreeView(vm, null);
        var top = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(pane);
        h.Show(top);
        pane.SetFocus();
        CgroupKey? asked = null;
        pane.FilterRequested += k => asked = k;

        h.App.InjectKey(Key.CursorDown);
        h.App.InjectKey(Key.Space);
        h.App.InjectKey(Key.Enter);

        Assert.Equal(new CgroupKey("unified", "/batch"), asked);
        Assert.Equal("├─+batch", h.Lines()[2].Split(' ')[0]);
        Assert.Equal(6, vm.State.CurrentValue.Rows.Count);
        top.Dispose();
    }
}
