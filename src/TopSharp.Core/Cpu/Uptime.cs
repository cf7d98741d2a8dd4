namespace TopSharp.Core.Cpu;

/// <summary>/proc/uptime: seconds since boot and idle seconds summed over CPUs.</summary>
public sealed record Uptime(double UptimeSeconds, double IdleSeconds);
