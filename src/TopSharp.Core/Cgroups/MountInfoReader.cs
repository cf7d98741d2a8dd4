using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// The cgroup mounts in /proc/self/mountinfo (Documentation/filesystems/proc.rst, "/proc/&lt;pid&gt;/mountinfo"):
/// <c>28 27 0:25 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset</c>. Each hierarchy is kept once
/// (a second mount of the same superblock is a bind mount), v2 first.
/// </summary>
public static class MountInfoReader
{
    public const string Source = "mountinfo";

    /// <summary>v1 super options that are not controllers (cgroup-v1/cgroups.rst "Mounting", kernel/cgroup/cgroup-v1.c).</summary>
    private static readonly string[] NotControllers =
        ["rw", "ro", "none", "all", "noprefix", "xattr", "clone_children", "cpuset_v2_mode", "favordynmods", "nofavordynmods"];

    /// <summary>Lines that are not cgroup mounts are skipped; a line naming cgroup without the <c>-</c> separator is reported.</summary>
    public static CgroupLayout Parse(ReadOnlySpan<byte> utf8, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var found = new List<CgroupHierarchy>();
        var devices = new HashSet<string>();
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            ReadOnlySpan<byte> line = lines.Current;
            if (line.IndexOf("cgroup"u8) < 0) continue;
            if (TryParseLine(line, out string device, out CgroupHierarchy? hierarchy))
            {
                if (hierarchy is not null && devices.Add(device)) found.Add(hierarchy);
            }
            else diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"unparsable cgroup mount: '{Excerpt.Of(line)}'"));
        }
        return new CgroupLayout([.. found.Where(h => h.IsUnified), .. found.Where(h => !h.IsUnified)]);
    }

    /// <summary>
    /// proc/self/mountinfo below the root. A missing file (a captured tree without it) is a layout without
    /// hierarchies (<see cref="CgroupMode.None"/>), which the cgroup pane explains; no diagnostic.
    /// </summary>
    public static CgroupLayout Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        string path = root.Proc("self/mountinfo");
        return file.TryRead(path, out ReadOnlySpan<byte> content) ? Parse(content, diagnostics, path) : new CgroupLayout([]);
    }

    /// <summary>False for a malformed line; true with a null hierarchy for a filesystem that is not cgroup/cgroup2.</summary>
    private static bool TryParseLine(ReadOnlySpan<byte> line, out string device, out CgroupHierarchy? hierarchy)
    {
        device = "";
        hierarchy = null;
        int separator = line.IndexOf(" - "u8);
        if (separator < 0) return false;
        var before = new Fields(line[..separator]);
        var after = new Fields(line[(separator + 3)..]);
        if (!before.MoveNext() || !before.MoveNext() || !before.MoveNext()) return false;
        device = Encoding.ASCII.GetString(before.Current);
        if (!before.MoveNext()) return false;
        string mountRoot = Unescape(before.Current);
        if (!before.MoveNext()) return false;
        string mountPoint = Unescape(before.Current);
        if (!after.MoveNext()) return false;
        bool v2 = after.Current.SequenceEqual("cgroup2"u8);
        if (!v2 && !after.Current.SequenceEqual("cgroup"u8)) return true;
        if (!after.MoveNext() || !after.MoveNext()) return false;
        hierarchy = new CgroupHierarchy(v2 ? 2 : 1, v2 ? [] : Controllers(after.Current), mountPoint, mountRoot);
        return true;
    }

    private static List<string> Controllers(ReadOnlySpan<byte> superOptions)
    {
        var controllers = new List<string>();
        foreach (Range r in superOptions.Split((byte)','))
        {
            string option = Encoding.UTF8.GetString(superOptions[r]);
            if (option.Length > 0 && !NotControllers.Contains(option) && !option.StartsWith("release_agent=", StringComparison.Ordinal))
                controllers.Add(option);
        }
        return controllers;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash in paths as <c>\040</c>, <c>\011</c>, <c>\012</c>, <c>\134</c>.</summary>
    internal static string Unescape(ReadOnlySpan<byte> field)
    {
        if (field.IndexOf((byte)'\\') < 0) return Encoding.UTF8.GetString(field);
        var bytes = new List<byte>(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                bytes.Add((byte)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
            }
            else bytes.Add(field[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(byte b) => b is >= (byte)'0' and <= (byte)'7';
}
