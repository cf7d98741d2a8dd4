namespace TopSharp.Core.Numa;

/// <summary>Where the node files live: <c>sys/devices/system/node/FILE</c> and <c>…/nodeN/FILE</c>.</summary>
internal static class NodePath
{
    public static string Of(KernelRoot root, string file) => root.Sys($"devices/system/node/{file}");

    public static string Of(KernelRoot root, int node, string file) => root.Sys($"devices/system/node/node{node}/{file}");
}
