using System.Diagnostics.CodeAnalysis;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/cgroup (cgroups(7), Documentation/admin-guide/cgroup-v2.rst): <c>hierarchy-ID:controller-list:path</c>,
/// e.g. <c>13:cpu,cpuacct:/batch/job1</c>, <c>14:name=systemd:/</c>, <c>0::/batch/job1</c>. The path may hold ':'.
/// </summary>
public static class PidCgroupReader
{
    public const string Source = "PID/cgroup";

    /// <summary>An unparsable line is reported and skipped; false when no line parses (an empty file included).</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out PidCgroup value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        var memberships = new List<CgroupMembership>();
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            ReadOnlySpan<byte> line = lines.Current;
            if (line.IsEmpty) continue;
            if (TryParseLine(line) is CgroupMembership m) memberships.Add(m);
            else diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"expected ID:controllers:path: '{Excerpt.Of(line)}'"));
        }
        if (memberships.Count == 0)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, "no hierarchy line"));
            return false;
        }
        value = new PidCgroup(memberships);
        return true;
    }

    /// <summary>proc/PID/cgroup; false without a diagnostic when the process has vanished.</summary>
    public static bool TryRead(
        KernelRoot root, KernelFile file, int pid, [MaybeNullWhen(false)] out PidCgroup value, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "cgroup"), TryParse, diagnostics, out value);

    private static CgroupMembership? TryParseLine(ReadOnlySpan<byte> line)
    {
        int first = line.IndexOf((byte)':');
        if (first < 0) return null;
        int second = line[(first + 1)..].IndexOf((byte)':');
        if (second < 0 || !Number.TryParseInt32(line[..first], out int id)) return null;
        second += first + 1;
        ReadOnlySpan<byte> cgroupPath = line[(second + 1)..];
        if (cgroupPath.IsEmpty || cgroupPath[0] != (byte)'/') return null;
        return new CgroupMembership(id, Encoding.UTF8.GetString(line[(first + 1)..second]), Encoding.UTF8.GetString(cgroupPath));
    }
}
