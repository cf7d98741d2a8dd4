using TopSharp.Bpf.Opens;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Text;

namespace TopSharp.ViewModels.Opens;

/// <summary>
/// <c>o</c> on the cgroup pane: the selected group and its descendants as the opens view's scope. eBPF knows a task's
/// cgroup v2 only, so a group on a v1 hierarchy cannot be one; the message then says what to pick instead.
/// </summary>
public static class CgroupOpensScope
{
    /// <summary>The scope, or null with the status-line message saying why not.</summary>
    /// <param name="root">Where the sampled cgroup directories are (the live machine, or a captured tree in tests).</param>
    public static OpensScope? Of(KernelRoot root, CgroupSnapshot? snapshot, CgroupKey? selected, out string message)
    {
        message = "";
        if (selected is not { } key) { message = "opens: select a cgroup first"; return null; }
        CgroupHierarchy? hierarchy = snapshot?.Trees.FirstOrDefault(t => t.Hierarchy.Name == key.Hierarchy)?.Hierarchy;
        if (hierarchy is null) { message = $"opens: the {TerminalText.Escape(key.Hierarchy)} hierarchy is no longer mounted"; return null; }
        if (!UnifiedCgroup.TryResolve(root, hierarchy, key.Path, out UnifiedCgroup group, out string error))
        {
            message = $"opens: {error}{(hierarchy.IsUnified ? "" : InsteadOfV1(snapshot!, key.Path))}";
            return null;
        }
        return OpensScope.Cgroup(group.Id, group.Path);
    }

    /// <summary>What to do instead: the same path on the unified hierarchy when there is one, else <c>o</c> on a process.</summary>
    private static string InsteadOfV1(CgroupSnapshot snapshot, string path)
    {
        CgroupTree? unified = snapshot.Trees.FirstOrDefault(t => t.Hierarchy.IsUnified);
        if (unified is null) return ": no cgroup v2 is mounted here; press o on a process instead";
        return unified.Cgroups.Any(c => c.Path == path)
            ? $": select unified:{TerminalText.Escape(path)} instead, or press o on a process"
            : ": select a group under unified instead, or press o on a process";
    }
}
