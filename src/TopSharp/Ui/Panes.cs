using TopSharp.Ui.Frame;

namespace TopSharp.Ui;

/// <summary>The panes the tab strip offers, in key order (1, 2, …). Adding a pane is one line here.</summary>
public static class Panes
{
    public static IReadOnlyList<PaneDefinition> All() =>
    [
        new("Processes", () => new PlaceholderPane("Processes", "the process table")),
        new("Cgroups", () => new PlaceholderPane("Cgroups", "The cgroup tree comes in a later release.")),
        new("NUMA", () => new PlaceholderPane("NUMA", "Per-node memory and CPUs come in a later release.")),
        new("Syscalls", () => new PlaceholderPane("Syscalls", "eBPF syscall counts come in a later release.")),
    ];
}
