namespace TopSharp.Core.Memory;

/// <summary>
/// /proc/meminfo (Documentation/filesystems/proc.rst, "meminfo"): every field in file order.
/// Sizes are converted to bytes once, here; counts (HugePages_Total…) stay counts.
/// </summary>
public sealed record MemInfo(IReadOnlyList<MemInfoField> Fields)
{
    public ulong? this[string name]
    {
        get
        {
            foreach (MemInfoField f in Fields)
                if (f.Name == name) return f.Value;
            return null;
        }
    }

    public ulong MemTotalBytes => this["MemTotal"] ?? 0;
    public ulong MemFreeBytes => this["MemFree"] ?? 0;
    /// <summary>Older kernels lack MemAvailable; then it is estimated as free + buffers + cached.</summary>
    public ulong MemAvailableBytes => this["MemAvailable"] ?? MemFreeBytes + BuffersBytes + CachedBytes;
    public ulong BuffersBytes => this["Buffers"] ?? 0;
    public ulong CachedBytes => this["Cached"] ?? 0;
    public ulong ShmemBytes => this["Shmem"] ?? 0;
    public ulong SReclaimableBytes => this["SReclaimable"] ?? 0;
    public ulong SwapTotalBytes => this["SwapTotal"] ?? 0;
    public ulong SwapFreeBytes => this["SwapFree"] ?? 0;
}

/// <summary>One meminfo line: <see cref="Value"/> is in bytes when <see cref="IsBytes"/>, else a count.</summary>
public readonly record struct MemInfoField(string Name, ulong Value, bool IsBytes);
