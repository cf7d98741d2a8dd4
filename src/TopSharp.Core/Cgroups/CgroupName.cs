using System.Text.RegularExpressions;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// A short, readable name for a cgroup path, for the NAME column: systemd units as they are
/// (<c>db.service</c>, <c>session-3.scope</c>), container ids cut to 12 characters behind their runtime
/// (<c>docker:4f1c2a9e0b7d</c>, <c>containerd:…</c>, <c>podman:…</c>, <c>cri-o:…</c>), Kubernetes pods by
/// their UID's first 8 characters (<c>pod:0b1c2d3e</c>) and lxc containers by name (<c>lxc:web</c>).
/// Naming conventions: systemd.unit(5), the runtimes' cgroup drivers (systemd and cgroupfs), kubelet, lxc.
/// </summary>
public static partial class CgroupName
{
    private const int ShortId = 12;

    public static string Of(string path)
    {
        if (path == "/" || path.Length == 0) return "/";
        string last = path[(path.LastIndexOf('/') + 1)..];
        string parent = Parent(path);

        if (ScopedContainer().Match(last) is { Success: true } scoped)
            return $"{Runtime(scoped.Groups["runtime"].Value)}{(scoped.Groups["conmon"].Success ? "-conmon" : "")}:{Short(scoped.Groups["id"].Value)}";
        if (KubePod().Match(last) is { Success: true } pod)
            return $"pod:{pod.Groups["uid"].Value.Replace('_', '-')[..8]}";
        if (last.StartsWith("lxc.payload.", StringComparison.Ordinal)) return "lxc:" + last["lxc.payload.".Length..];
        if (last.StartsWith("lxc.monitor.", StringComparison.Ordinal)) return "lxc-monitor:" + last["lxc.monitor.".Length..];
        if (parent is "lxc" or "lxc.payload") return "lxc:" + last;
        if (BareId().IsMatch(last))
            return $"{(parent switch { "docker" => "docker", "libpod_parent" => "podman", "crio" => "cri-o", _ => "ctr" })}:{Short(last)}";
        return last;
    }

    private static string Parent(string path)
    {
        string up = path[..Math.Max(0, path.LastIndexOf('/'))];
        return up[(up.LastIndexOf('/') + 1)..];
    }

    private static string Runtime(string prefix) => prefix switch
    {
        "docker" => "docker",
        "cri-containerd" => "containerd",
        "libpod" => "podman",
        "crio" => "cri-o",
        _ => prefix,
    };

    private static string Short(string id) => id[..ShortId];

    /// <summary><c>docker-&lt;64 hex&gt;.scope</c>, <c>cri-containerd-…</c>, <c>libpod-[conmon-]…</c>, <c>crio-[conmon-]…</c>; the <c>.scope</c> is optional (cgroupfs drivers).</summary>
    [GeneratedRegex(@"^(?<runtime>docker|cri-containerd|libpod|crio)-(?<conmon>conmon-)?(?<id>[0-9a-f]{64})(\.scope)?$")]
    private static partial Regex ScopedContainer();

    /// <summary>kubelet: <c>kubepods-burstable-pod&lt;uid with _&gt;.slice</c> (systemd driver), <c>pod&lt;uid&gt;</c> (cgroupfs).</summary>
    [GeneratedRegex(@"^(kubepods(-[a-z]+)*-)?pod(?<uid>[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})(\.slice)?$")]
    private static partial Regex KubePod();

    /// <summary>A container id on its own (cgroupfs drivers: <c>/docker/&lt;id&gt;</c>, kubepods' container level).</summary>
    [GeneratedRegex(@"^[0-9a-f]{64}$")]
    private static partial Regex BareId();
}
