namespace TopSharp.Bpf.Opens;

/// <summary>Whose opens the kernel program reports (opens_config.scope in bpf/opens.h).</summary>
public enum OpensScopeKind
{
    All = 1,
    Process = 2,
    Cgroup = 3,
}

/// <summary>
/// The scope filter applied in the kernel: every process but TopSharp itself, one process (by tgid), or the
/// tasks of a cgroup v2 and its descendants (its id, the inode number of its directory, at its depth below the root).
/// </summary>
public sealed record OpensScope(OpensScopeKind Kind, int Tgid, ulong CgroupId, int CgroupLevel, string Title)
{
    public static OpensScope All(int excludeTgid) => new(OpensScopeKind.All, excludeTgid, 0, 0, "all processes");

    public static OpensScope Process(int tgid, string comm) => new(OpensScopeKind.Process, tgid, 0, 0, $"PID {tgid} ({comm})");

    /// <param name="path">the cgroup's path below the cgroup v2 root, e.g. <c>/system.slice/ssh.service</c></param>
    public static OpensScope Cgroup(ulong id, string path) =>
        new(OpensScopeKind.Cgroup, 0, id, path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length, $"cgroup {path}") { CgroupPath = path };

    /// <summary>The cgroup's path below the v2 root, for a <see cref="OpensScopeKind.Cgroup"/> scope; else null.</summary>
    public string? CgroupPath { get; init; }
}
