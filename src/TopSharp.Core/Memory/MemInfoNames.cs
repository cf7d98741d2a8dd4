using System.Text;

namespace TopSharp.Core.Memory;

/// <summary>
/// The meminfo field names of recent kernels (fs/proc/meminfo.c), in the order the kernel prints them, so that
/// a read allocates no string per field. The search starts after the previous match: one comparison per line
/// when the kernel's order matches; an unknown name (a newer kernel, a node prefix) is allocated.
/// </summary>
internal static class MemInfoNames
{
    private static readonly string[] Known =
    [
        "MemTotal", "MemFree", "MemAvailable", "MemUsed", "Buffers", "Cached", "SwapCached", "Active", "Inactive",
        "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
        "HighTotal", "HighFree", "LowTotal", "LowFree", "SwapTotal", "SwapFree", "Zswap", "Zswapped",
        "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab", "SReclaimable", "SUnreclaim",
        "KernelStack", "ShadowCallStack", "PageTables", "SecPageTables", "NFS_Unstable", "Bounce", "WritebackTmp",
        "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed", "VmallocChunk", "Percpu",
        "HardwareCorrupted", "AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped",
        "CmaTotal", "CmaFree", "Unaccepted", "Balloon", "HugePages_Total", "HugePages_Free", "HugePages_Rsvd",
        "HugePages_Surp", "Hugepagesize", "Hugetlb", "DirectMap4k", "DirectMap2M", "DirectMap4M", "DirectMap1G",
    ];

    /// <summary>The interned name for <paramref name="key"/>; <paramref name="hint"/> is where the previous one was found.</summary>
    public static string Of(ReadOnlySpan<byte> key, ref int hint)
    {
        for (int n = 0; n < Known.Length; n++)
        {
            int i = (hint + n) % Known.Length;
            if (Ascii.Equals(key, Known[i]))
            {
                hint = i + 1;
                return Known[i];
            }
        }
        return Encoding.UTF8.GetString(key);
    }
}
