namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/nodeN/numastat (Documentation/admin-guide/numastat.rst): page allocations
/// counted by the node the page came from, since boot.
/// </summary>
/// <param name="NumaHit">Allocated here, and here was the intended node.</param>
/// <param name="NumaMiss">Allocated here although another node was intended (that one was short of memory).</param>
/// <param name="NumaForeign">Intended for here, but allocated on another node.</param>
/// <param name="InterleaveHit">Interleave-policy allocations that got the node they asked for.</param>
/// <param name="LocalNode">Allocated here for a task running on this node.</param>
/// <param name="OtherNode">Allocated here for a task running on another node.</param>
public readonly record struct NumaStat(
    ulong NumaHit, ulong NumaMiss, ulong NumaForeign, ulong InterleaveHit, ulong LocalNode, ulong OtherNode);
