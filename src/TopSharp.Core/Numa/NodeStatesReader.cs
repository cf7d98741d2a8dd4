using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/{online,possible,has_cpu,has_memory,has_normal_memory}
/// (Documentation/ABI/stable/sysfs-devices-node): each one node list, <c>0-3</c>.
/// </summary>
public static class NodeStatesReader
{
    public const string Source = "node";

    /// <summary>One list file; an unparsable one is reported.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out CpuList value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        if (CpuList.TryParse(utf8, out value)) return true;
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected a list like '0-3,5': '{Excerpt.Of(utf8.TrimEnd((byte)'\n'))}'"));
        return false;
    }

    /// <summary>
    /// Null, with no diagnostic, when <c>online</c> is missing: a kernel without CONFIG_NUMA has no node
    /// directory, and that is a machine without NUMA rather than a fault. Another missing or bad list is
    /// reported and read as the online nodes (<c>possible</c>, <c>has_cpu</c>, <c>has_memory</c>) or
    /// as <c>has_memory</c> (<c>has_normal_memory</c>).
    /// </summary>
    public static NodeStates? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        if (!file.TryRead(NodePath.Of(root, "online"), out ReadOnlySpan<byte> content)) return null;
        if (!TryParse(content, out CpuList online, diagnostics, NodePath.Of(root, "online"))) return null;
        CpuList possible = ReadList(root, file, "possible", online, diagnostics);
        CpuList hasCpu = ReadList(root, file, "has_cpu", online, diagnostics);
        CpuList hasMemory = ReadList(root, file, "has_memory", online, diagnostics);
        CpuList hasNormalMemory = ReadList(root, file, "has_normal_memory", hasMemory, diagnostics);
        return new NodeStates(online, possible, hasCpu, hasMemory, hasNormalMemory);
    }

    private static CpuList ReadList(KernelRoot root, KernelFile file, string name, CpuList fallback, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired<CpuList>(file, NodePath.Of(root, name), Source, TryParse, diagnostics, out CpuList? list) ? list : fallback;
}
