using R3;
using TopSharp.Ui.Cgroups;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Numa;
using TopSharp.ViewModels.Numa;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Memory;
using TopSharp.Ui.Memory;
using TopSharp.Core;

namespace TopSharp.Ui;

/// <summary>The panes the tab strip offers, in key order (1, 2, …). Adding a pane is one line here.</summary>
public static class Panes
{
    public static IReadOnlyList<PaneDefinition> All { get; } =
    [
        new(PaneId.Processes, "Processes", c => new ProcessDrillDown(
            CgroupLinks.Connect(new ProcessTableView(c.Vm.Processes, new DialogPrompts(c.App), c.Ui), c.Vm, new DialogPrompts(c.App)),
            c.Vm.Processes, c.Vm.Sampler.Samples, SamplerLoops.MemoryMapReader(c.Root ?? KernelRoot.Live), SamplerLoops.PageCacheReader(c.Root ?? KernelRoot.Live), c.Ui)),
        new(PaneId.Cgroups, "Cgroups", c => CgroupLinks.Connect(new CgroupTreeView(c.Vm.Cgroups, c.Ui), c.Vm)),
        new(PaneId.Numa, "NUMA", c => new NumaPaneView(
            new NumaViewModel(c.Vm.Sampler.Samples, c.Vm.Processes.State.Select(s => s.Selected).DistinctUntilChanged(), c.NumaMaps), c.Ui)),
        new(PaneId.Memory, "Memory", c => new KernelMemoryPaneView(new KernelMemoryViewModel(c.Vm.Sampler.Samples), c.Ui)),
        new(PaneId.Syscalls, "Syscalls", Syscalls.SyscallsPaneView.Create),
    ];

    /// <summary>The panes' ids in tab order, for the layout view model.</summary>
    public static IReadOnlyList<PaneId> Ids { get; } = [.. All.Select(p => p.Id)];
}
