using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// The node masks of /sys/devices/system/node (Documentation/ABI/stable/sysfs-devices-node):
/// which nodes are <c>online</c> and <c>possible</c>, and which have CPUs or memory.
/// A node with memory and no CPUs (CXL, a memory expander) is in HasMemory but not HasCpu.
/// </summary>
/// <param name="HasNormalMemory">Nodes with memory the kernel can use for its own allocations (ZONE_NORMAL or below).</param>
public sealed record NodeStates(CpuList Online, CpuList Possible, CpuList HasCpu, CpuList HasMemory, CpuList HasNormalMemory);
