using System.Diagnostics;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.Tests.ProcessTable;
using TopSharp.Ui.Cgroups;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Layout;
using TopSharp.Testing;
using TopSharp.Ui;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace TopSharp.Tests.Ui.Cgroups;

/// <summary>g, Enter, a and G through the dashboard view model: on the v2 capture, and a for real on this machine.</summary>
public class CgroupLinksTests
{
    private static ProcessKey KeyOf(DashboardViewModel vm, int pid) =>
        vm.Sampler.Latest.CurrentValue!.Snapshot.Processes.Single(p => p.Pid == pid).Key;

    [Fact]
    public void Enter_on_a_group_filters_the_table_and_g_finds_the_group_of_a_process()
    {
        using var d = new FixtureDashboard();
        DashboardViewModel vm = d.Vm;
        vm.Layout.Show(PaneId.Cgroups);

        vm.ShowProcessesIn(new CgroupKey("unified", "/batch/job2"));
        Assert.Equal(PaneId.Processes, vm.Layout.State.CurrentValue.Primary);
        Assert.Equal([160, 165], vm.Processes.State.CurrentValue.Rows.Select(r => r.Pid).Order());
        Assert.Equal("unified:/batch/job2", vm.Processes.State.CurrentValue.CgroupFilter);
        vm.ShowProcessesIn(new CgroupKey("unified", "/batch/job2"));          // again: cleared
        Assert.Null(vm.Processes.State.CurrentValue.CgroupFilter);

        vm.ShowCgroupOf(KeyOf(vm, 159));
        Assert.Equal(PaneId.Cgroups, vm.Layout.State.CurrentValue.Primary);
        Assert.Equal(new CgroupKey("unified", "/batch/job1"), vm.Cgroups.Selected);
    }

    [Fact]
    public void Actions_refuse_a_captured_tree()
    {
        using var d = new FixtureDashboard();
        var prompts = new ScriptedPrompts();
        new CgroupActions(d.Vm, prompts, CgroupControl.Instance).Affinity(KeyOf(d.Vm, 159));

        Assert.Equal("affinity: only on the live machine, not on a captured tree", d.Vm.Status.State.CurrentValue.Text);
        Assert.Empty(prompts.Asked);
    }

    [SkippableFact]
    public void A_sets_the_affinity_of_a_live_child_after_asking_and_confirming()
    {
        Requires.That(Environment.ProcessorCount >= 2, "needs two CPUs to pick one");
        using var child = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        string config = Directory.CreateTempSubdirectory("topsharp-cg-").FullName;
        try
        {
            var time = new FakeTimeProvider();
            var store = new ConfigStore(config);
            using var vm = new DashboardViewModel(SamplerLoops.For(KernelRoot.Live, TimeSpan.FromSeconds(1), time), store, store.Load(), time, ProcessControl.Instance, Panes.Ids);
            vm.Start();
            var prompts = new ScriptedPrompts { Marks = [false, true, .. Enumerable.Repeat(false, Environment.ProcessorCount - 2)] };

            new CgroupActions(vm, prompts, CgroupControl.Instance).Affinity(KeyOf(vm, child.Id));

            Assert.Equal(CpuList.Of(1), CgroupControl.GetAffinity(child.Id));
            Assert.Contains($"{child.Id} (sleep) now runs on CPUs 1", vm.Status.State.CurrentValue.Text);
            Assert.Equal(2, prompts.Asked.Count);   // the picker, then the confirmation
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
            Directory.Delete(config, true);
        }
    }
}
