using R3;
using TopSharp.Ui.Cgroups;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Numa;
using TopSharp.ViewModels.Numa;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Layout;

namespace TopSharp.Ui;

/// <summary>The panes the tab strip offers, in key order (1, 2, …). Adding a pane is one line here.</summary>
public static class Panes
{
    public static IReadOnlyList<PaneDefinition> All { get; } =
    [
        new(PaneId.Processes, "Processes", c => CgroupLinks.Connect(new ProcessTableView(c.Vm.Processes, new DialogPrompts(c.App), c.Ui), c.Vm, new DialogPrompts(c.App))),
        new(PaneId.Cgroups, "Cgroups", c => CgroupLinks.Connect(new CgroupTreeView(c.Vm.Cgroups, c.Ui), c.Vm)),
        new(PaneId.Numa, "NUMA", c => new NumaPaneView(
            new NumaViewModel(c.Vm.Sampler.Samples, c.Vm.Processes.State.Select(s => s.Selected).DistinctUntilChanged(), c.NumaMaps), c.Ui)),
        new(PaneId.Memory, "Memory", _ => new PlaceholderPane("Memory", "Per-process memory maps come in a later release.")),
        new(PaneId.Syscalls, "Syscalls", _ => new PlaceholderPane("Syscalls", "eBPF syscall counts come in a later release.")),
    ];

    /// <summary>The panes' ids in tab order, for the layout view model.</summary>
    public static IReadOnlyList<PaneId> Ids { get; } = [.. All.Select(p => p.Id)];
}
