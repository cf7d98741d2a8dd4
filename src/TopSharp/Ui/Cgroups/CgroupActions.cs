using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Text;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Status;

namespace TopSharp.Ui.Cgroups;

/// <summary>
/// <c>a</c> and <c>G</c>: each asks, confirms, then makes one system call, and says what happened in the status
/// line (the kernel's refusal in words, see <see cref="CgroupErrors"/>). Live machine only.
/// </summary>
public sealed class CgroupActions(DashboardViewModel vm, ITablePrompts prompts, ICgroupControl control)
{
    /// <summary>A CPU picker grouped by NUMA node, the current affinity ticked.</summary>
    public void Affinity(ProcessKey key)
    {
        if (Target(key, "affinity") is not (SystemSnapshot snap, ProcessSample p)) return;
        int[] cpus = [.. (snap.Stat?.Cpus.Select(c => c.Cpu) ?? []).OrderBy(c => snap.Numa?.NodeOfCpu(c) ?? 0).ThenBy(c => c)];
        CpuList current = CgroupControl.GetAffinity(p.Pid) ?? CpuList.Empty;
        string[] items = [.. cpus.Select(c => snap.Numa?.NodeOfCpu(c) is { } n ? $"node {n}  CPU {c}" : $"CPU {c}")];
        if (prompts.ChooseMany($"CPU affinity of {Name(p)}", items, [.. cpus.Select(current.Contains)]) is not { } chosen) return;
        var list = CpuList.Of([.. cpus.Where((_, i) => chosen[i])]);
        if (list.Count == 0)
        {
            vm.Status.Post("affinity: choose at least one CPU", StatusLevel.Warning);
            return;
        }
        if (!prompts.Confirm("Set CPU affinity", $"Let {Name(p)} run on CPUs {list} only?")) return;
        Report(control.SetAffinity(p.Pid, list), $"{Name(p)} now runs on CPUs {list}", "affinity");
    }

    /// <summary>
    /// Moves the process in the unified hierarchy when one is mounted (pure v2, and hybrid: there the v1 controllers
    /// keep their own placement), else in the first v1 hierarchy with controllers; the prompt names the hierarchy.
    /// </summary>
    public void Move(ProcessKey key)
    {
        if (Target(key, "move") is not (SystemSnapshot snap, ProcessSample p)) return;
        if (snap.Cgroups is not { } cgroups)
        {
            vm.Layout.Show(ViewModels.Layout.PaneId.Cgroups);
            vm.Status.Post("move: reading the cgroup tree now; press G again", StatusLevel.Info);
            return;
        }
        CgroupTree? tree = cgroups.Trees.FirstOrDefault(t => t.Hierarchy.IsUnified)
            ?? cgroups.Trees.FirstOrDefault(t => t.Hierarchy.Controllers.Any(c => !c.StartsWith("name=", StringComparison.Ordinal)));
        if (tree is null)
        {
            vm.Status.Post("move: no cgroup hierarchy is mounted", StatusLevel.Warning);
            return;
        }
        string[] paths = [.. tree.Cgroups.Select(c => c.Path)];
        string? now = p.Cgroup is { } pc ? CgroupMembers.PathIn(pc, tree.Hierarchy.Name) : null;
        if (prompts.ChooseOne($"Move {Name(p)} in the {tree.Hierarchy.Name} hierarchy to", [.. paths.Select(TerminalText.Escape)],
                Math.Max(0, Array.IndexOf(paths, now))) is not int choice) return;
        string target = TerminalText.Escape($"{tree.Hierarchy.Name}:{paths[choice]}");
        if (!prompts.Confirm("Move to cgroup", $"Write {p.Pid} to cgroup.procs of {target}?")) return;
        Report(control.Move(p.Pid, tree.Hierarchy.DirectoryOf(KernelRoot.Live, paths[choice])), $"moved {Name(p)} to {target}", "move");
    }

    private (SystemSnapshot, ProcessSample)? Target(ProcessKey key, string verb)
    {
        if (vm.Sampler.IsFrozen)
        {
            vm.Status.Post($"{verb}: only on the live machine, not on a captured tree", StatusLevel.Warning);
            return null;
        }
        if (vm.Sampler.Latest.CurrentValue?.Snapshot is not { } snap || !snap.Processes.Any(p => p.Key == key))
        {
            vm.Status.Post($"{verb}: the process has exited", StatusLevel.Warning);
            return null;
        }
        return (snap, snap.Processes.First(p => p.Key == key));
    }

    private void Report(ProcessControlResult result, string done, string verb) =>
        vm.Status.Post(result.Succeeded ? done : $"{verb} {result.Pid}: {result.Error}", result.Succeeded ? StatusLevel.Info : StatusLevel.Warning);

    private static string Name(ProcessSample p) => $"{p.Pid} ({TerminalText.Escape(p.Comm)})";
}
