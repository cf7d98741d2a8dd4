using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Bpf.Opens;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Testing;
using TopSharp.Ui;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Opens;
using Xunit;

namespace TopSharp.Tests.Ui.Opens;

/// <summary>
/// <c>o</c> on the cgroup pane, over the captured trees: a v2 group becomes the opens view's cgroup scope (its
/// directory's inode, its path), a v1 group is refused on the status line in words, and nothing is traced.
/// </summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class CgroupOpensTests
{
    private sealed class NoEvents : IOpenEventSource
    {
        public string? Unavailable => null;
        public ulong Lost => 0;
        public int Drain(List<OpenEvent> into) => 0;
        public void Dispose() { }
    }

    private static ulong StatInode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        string text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return ulong.Parse(text.Trim());
    }

    [Fact]
    public void O_on_a_v2_group_traces_that_group_and_titles_the_view_with_its_path()
    {
        // Real time: o runs the opens window's own main loop, where a timer reads the screen and closes it with Esc.
        using var h = new Harness(100, 30, virtualTime: false);
        using var dashboard = new FixtureDashboard("numa4-cgroup2");
        var root = new KernelRoot(Fixtures.Dir("numa4-cgroup2/t1"));
        var asked = new List<OpensScope>();
        string[] opensScreen = [];
        bool gaveUp = false;
        using var window = new MainWindow(dashboard.Vm, h.App, Panes.All, new UiSynchronizationContext(h.App), HelpText.Lines, root: root)
        {
            StartOpens = scope =>
            {
                asked.Add(scope);
                h.App.AddTimeout(TimeSpan.FromMilliseconds(300), () => { opensScreen = h.Lines(); h.App.InjectKey(Key.Esc); return false; });
                h.App.AddTimeout(TimeSpan.FromSeconds(20), () => { gaveUp = true; h.App.RequestStop(); return false; });
                return new NoEvents();
            },
        };
        h.Show(window);
        dashboard.Vm.Layout.Show(PaneId.Cgroups);
        Assert.True(dashboard.Vm.Cgroups.Select(new CgroupKey("unified", "/batch/job1")));

        h.App.InjectKey(Key.O);   // returns when Esc has closed the opens window

        Assert.False(gaveUp, "the opens window did not close");
        OpensScope scope = Assert.Single(asked);
        Assert.Equal((OpensScopeKind.Cgroup, 2, "cgroup /batch/job1"), (scope.Kind, scope.CgroupLevel, scope.Title));
        Assert.Equal(StatInode(Path.Join(root.Path, "sys/fs/cgroup/batch/job1")), scope.CgroupId);
        Assert.StartsWith("Opens of cgroup /batch/job1 │ 0 opens, 0 failed, 0 lost", opensScreen[0]);
    }

    [Fact]
    public void O_on_a_v1_group_says_why_not_and_what_to_do_instead()
    {
        using var h = new Harness(200, 30);
        using var dashboard = new FixtureDashboard("numa4-cgroup1");
        var asked = new List<OpensScope>();
        using var window = new MainWindow(dashboard.Vm, h.App, Panes.All, new UiSynchronizationContext(h.App), HelpText.Lines,
            root: new KernelRoot(Fixtures.Dir("numa4-cgroup1/t1")))
        {
            StartOpens = scope => { asked.Add(scope); return new NoEvents(); },
        };
        h.Show(window);
        dashboard.Vm.Layout.Show(PaneId.Cgroups);
        Assert.True(dashboard.Vm.Cgroups.Select(new CgroupKey("cpu,cpuacct", "/batch")));

        h.App.InjectKey(Key.O);
        h.Advance(TimeSpan.FromMilliseconds(2));

        Assert.Empty(asked);
        Assert.Equal(
            "opens: cpu,cpuacct:/batch is on a cgroup v1 hierarchy, which has no cgroup v2 id to filter by: no cgroup v2 is mounted here; press o on a process instead",
            dashboard.Vm.Status.State.CurrentValue.Text);
        Assert.Contains("opens: cpu,cpuacct:/batch is on a cgroup v1 hierarchy", h.Lines()[^1]);
    }

    [Fact]
    public void On_a_hybrid_machine_a_v1_group_points_at_the_same_path_on_the_unified_hierarchy()
    {
        KernelRoot v2 = new(Fixtures.Dir("numa4-cgroup2/t1"));
        CgroupTree unified = Tree(v2, "unified");
        var v1 = new CgroupHierarchy(1, ["cpu", "cpuacct"], "/sys/fs/cgroup/cpu,cpuacct", "/");
        var snapshot = new CgroupSnapshot(CgroupMode.Hybrid, [unified, new CgroupTree(v1, [new Cgroup { Path = "/" }, new Cgroup { Path = "/batch" }, new Cgroup { Path = "/v1-only" }])]);

        Assert.Null(CgroupOpensScope.Of(v2, snapshot, new CgroupKey("cpu,cpuacct", "/batch"), out string same));
        Assert.EndsWith(": select unified:/batch instead, or press o on a process", same);
        Assert.Null(CgroupOpensScope.Of(v2, snapshot, new CgroupKey("cpu,cpuacct", "/v1-only"), out string other));
        Assert.EndsWith(": select a group under unified instead, or press o on a process", other);
        Assert.Null(CgroupOpensScope.Of(v2, snapshot, null, out string none));
        Assert.Equal("opens: select a cgroup first", none);
        Assert.Null(CgroupOpensScope.Of(v2, snapshot, new CgroupKey("unified", "/gone"), out string gone));
        Assert.StartsWith("opens: no cgroup /gone on the unified hierarchy", gone);
        Assert.Equal("cgroup /batch", CgroupOpensScope.Of(v2, snapshot, new CgroupKey("unified", "/batch"), out _)!.Title);
    }

    [Fact]
    public void The_view_escapes_the_scope_s_title()
    {
        using var vm = new OpensViewModel(new NoEvents(), OpensScope.Cgroup(7, "/evil\x1b[31m\nname").Title, new FakeTimeProvider(), TimeSpan.FromSeconds(1));
        Assert.Equal("cgroup /evil\\e[31m\\nname", vm.State.CurrentValue.Scope);
    }

    private static CgroupTree Tree(KernelRoot root, string hierarchy)
    {
        using var sampler = new Core.Sampling.Sampler(root);
        return sampler.Sample(Core.Processes.ProcessFiles.CgroupTree).Cgroups!.Trees.Single(t => t.Hierarchy.Name == hierarchy);
    }
}
