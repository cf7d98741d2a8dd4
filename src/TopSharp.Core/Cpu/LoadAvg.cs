namespace TopSharp.Core.Cpu;

/// <summary>/proc/loadavg: <c>1.06 0.23 0.08 1/130 210</c> (Documentation/filesystems/proc.rst).</summary>
public sealed record LoadAvg(double Avg1, double Avg5, double Avg15, int Running, int Total, int LastPid);
