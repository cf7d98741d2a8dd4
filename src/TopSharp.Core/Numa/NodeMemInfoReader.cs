using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Memory;

namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/nodeN/meminfo (Documentation/ABI/stable/sysfs-devices-node; the fields of
/// /proc/meminfo, Documentation/filesystems/proc.rst): <c>Node 0 MemTotal:         985208 kB</c>.
/// The <c>Node N </c> prefix is dropped, so a node's fields read like /proc/meminfo's.
/// </summary>
public static class NodeMemInfoReader
{
    public const string Source = "node meminfo";

    /// <summary>Every key must carry <c>Node <paramref name="node"/></c>; a line for another node is reported and left out.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, int node, [MaybeNullWhen(false)] out MemInfo value,
        List<ParseDiagnostic>? diagnostics = null, string path = "") =>
        MemInfoReader.TryParse(utf8, Source, node, out value, diagnostics, path);

    /// <summary>nodeN/meminfo; null, with a diagnostic, when it is missing or does not parse.</summary>
    public static MemInfo? Read(KernelRoot root, KernelFile file, int node, List<ParseDiagnostic> diagnostics)
    {
        string path = NodePath.Of(root, node, "meminfo");
        return ParsedFile.TryReadRequired(file, path, Source,
            (ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out MemInfo v, List<ParseDiagnostic>? d, string p) => TryParse(utf8, node, out v, d, p),
            diagnostics, out MemInfo? value) ? value : null;
    }
}
