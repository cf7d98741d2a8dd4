using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>Reads a <see cref="NumaSnapshot"/> from /sys/devices/system/node: the masks, then each online node's files.</summary>
public static class NumaReader
{
    /// <summary>Null (and no diagnostic) on a kernel without NUMA support: there is no node directory.</summary>
    public static NumaSnapshot? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        if (NodeStatesReader.Read(root, file, diagnostics) is not NodeStates states) return null;
        var nodes = new List<NumaNode>(states.Online.Count);
        foreach (int node in states.Online.Ids)
        {
            CpuList cpus = ParsedFile.TryReadRequired<CpuList>(file, NodePath.Of(root, node, "cpulist"), NodeStatesReader.Source,
                NodeStatesReader.TryParse, diagnostics, out CpuList? list) ? list : CpuList.Empty;
            nodes.Add(new NumaNode(
                node,
                cpus,
                NodeDistanceReader.Read(root, file, node, diagnostics),
                NodeMemInfoReader.Read(root, file, node, diagnostics),
                NumaStatReader.Read(root, file, node, diagnostics),
                states.HasCpu.Contains(node),
                states.HasMemory.Contains(node)) { HugePages = NodeHugePagesReader.Read(root, file, node, diagnostics) });
        }
        return new NumaSnapshot(states, nodes);
    }
}
