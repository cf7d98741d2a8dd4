using System.Runtime.InteropServices;
using System.Text;
using TopSharp.Core.Native;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// A cgroup on the unified hierarchy as eBPF names it (bpf_get_current_cgroup_id, bpf_get_current_ancestor_cgroup_id):
/// its id, which is the inode number of its directory (Documentation/admin-guide/cgroup-v2.rst; kernfs node ids), and its
/// path below the v2 root, whose component count is its level (0 for the root; <c>OpensScope.Cgroup</c> counts it).
/// </summary>
/// <remarks>The level counts from the v2 root this process sees: inside a cgroup namespace it is relative to that namespace's root.</remarks>
public readonly record struct UnifiedCgroup(ulong Id, string Path)
{
    /// <summary>
    /// The group at <paramref name="path"/> (as /proc/PID/cgroup writes it) in <paramref name="hierarchy"/>; false with a
    /// sentence saying why not: a v1 hierarchy (no v2 id), a path that is not a cgroup path, a group that is gone.
    /// </summary>
    public static bool TryResolve(KernelRoot root, CgroupHierarchy hierarchy, string path, out UnifiedCgroup group, out string error)
    {
        group = default;
        if (!hierarchy.IsUnified)
        {
            error = $"{TerminalText.Escape(hierarchy.Name + ":" + path)} is on a cgroup v1 hierarchy, which has no cgroup v2 id to filter by";
            return false;
        }
        if (Normalized(path) is not { } normalized)
        {
            error = $"'{TerminalText.Escape(path)}' is not a cgroup path (it starts with / and has no . or .. parts, e.g. /system.slice/ssh.service)";
            return false;
        }
        string directory = hierarchy.DirectoryOf(root, normalized);
        if (!TryReadInode(directory, out ulong inode, out bool isDirectory, out int errno) || !isDirectory)
        {
            error = errno is 0 or LibC.ENOENT or ENOTDIR
                ? $"no cgroup {TerminalText.Escape(normalized)} on the unified hierarchy ({TerminalText.Escape(directory)} does not exist)"
                : $"cannot stat {TerminalText.Escape(directory)}: {Errno.Describe(errno)}";
            return false;
        }
        group = new UnifiedCgroup(inode, normalized);
        error = "";
        return true;
    }

    /// <summary>
    /// <see cref="TryResolve(KernelRoot, CgroupHierarchy, string, out UnifiedCgroup, out string)"/> on the layout's unified
    /// hierarchy (the command line's <c>--cgroup PATH</c>); when there is none, or the path exists only on v1 hierarchies, the error says so.
    /// </summary>
    public static bool TryResolve(KernelRoot root, CgroupLayout layout, string path, out UnifiedCgroup group, out string error)
    {
        group = default;
        if (layout.Unified is not { } unified)
        {
            error = "no cgroup v2 (unified) hierarchy is mounted (proc/self/mountinfo lists no cgroup2), and eBPF filters by cgroup v2 id only";
            return false;
        }
        if (TryResolve(root, unified, path, out group, out error)) return true;
        if (Normalized(path) is { } normalized
            && layout.Hierarchies.Where(h => !h.IsUnified && Directory.Exists(h.DirectoryOf(root, normalized))).Select(h => h.Name).ToList() is [_, ..] v1)
            error += $"; it exists on v1 hierarchies only ({string.Join(' ', v1)}), which have no cgroup v2 id";
        return false;
    }

    /// <summary>statx(2) STATX_INO and STATX_TYPE of <paramref name="path"/>; false with the errno when it cannot be read.</summary>
    public static unsafe bool TryReadInode(string path, out ulong inode, out bool isDirectory, out int errno)
    {
        inode = 0;
        isDirectory = false;
        byte[] utf8 = Encoding.UTF8.GetBytes(path + "\0");
        Statx st = default;
        fixed (byte* p = utf8)
        {
            if (LibC.statx(LibC.AT_FDCWD, p, 0, LibC.STATX_INO | LibC.STATX_TYPE, &st) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return false;
            }
        }
        errno = 0;
        inode = st.Ino;
        isDirectory = (st.Mode & LibC.S_IFMT) == S_IFDIR;
        return true;
    }

    private const int ENOTDIR = 20;
    private const ushort S_IFDIR = 0x4000;

    /// <summary><c>/a/b</c> for <c>/a/b/</c>; null without a leading <c>/</c>, or with an empty, <c>.</c> or <c>..</c> part inside.</summary>
    internal static string? Normalized(string path)
    {
        if (!path.StartsWith('/')) return null;
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        if (trimmed.Length == 0) return "/";
        if (trimmed == "/") return trimmed;
        foreach (string part in trimmed[1..].Split('/'))
            if (part is "" or "." or "..") return null;
        return trimmed;
    }
}
