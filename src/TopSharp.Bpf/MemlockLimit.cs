using System.Runtime.InteropServices;

namespace TopSharp.Bpf;

/// <summary>
/// Before 5.11 BPF memory is charged to RLIMIT_MEMLOCK (Documentation/bpf/map_*.rst; since 5.11 to the memory
/// cgroup), so map creation fails with EPERM under the usual 8 MiB. On those kernels raise it as far as allowed.
/// </summary>
internal static unsafe partial class MemlockLimit
{
    private const int RLIMIT_MEMLOCK = 8;
    private static bool s_done;

    public static void RaiseOnOldKernels()
    {
        if (s_done) return;
        s_done = true;
        if (Environment.OSVersion.Version >= new Version(5, 11)) return;
        ulong* limit = stackalloc ulong[2];
        if (getrlimit(RLIMIT_MEMLOCK, limit) != 0) return;
        limit[0] = limit[1]; // the soft limit up to the hard one; infinity needs CAP_SYS_RESOURCE
        setrlimit(RLIMIT_MEMLOCK, limit);
    }

    [LibraryImport("libc")]
    private static partial int getrlimit(int resource, ulong* rlim);

    [LibraryImport("libc")]
    private static partial int setrlimit(int resource, ulong* rlim);
}
