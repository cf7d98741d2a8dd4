using System.Runtime.InteropServices;

namespace TopSharp.Bpf.Native;

/// <summary>
/// bpf(2) through libc's syscall(): no libbpf. Each call passes only the part of <c>union bpf_attr</c>
/// it fills in; the kernel zero-extends a shorter attr (Documentation/userspace-api/ebpf/syscall.rst).
/// </summary>
internal static unsafe partial class BpfSyscall
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int E2BIG = 7;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int ENOSYS = 38;
    public const int EOPNOTSUPP = 95;
    /// <summary>The kernel-internal ENOTSUPP some map types return for batch operations.</summary>
    public const int ENOTSUPP = 524;

    /// <summary>__NR_bpf: 321 on x86_64, 280 on arm64 (asm-generic).</summary>
    public static long Number => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 or Architecture.LoongArch64 or Architecture.RiscV64 => 280,
        var other => throw new PlatformNotSupportedException($"bpf(2): syscall number unknown on {other}"),
    };

    /// <summary>Returns the result (an fd or 0), or -errno.</summary>
    public static int Call<TAttr>(BpfCommand command, ref TAttr attr) where TAttr : unmanaged
    {
        fixed (TAttr* p = &attr)
        {
            long result = syscall(Number, (long)command, p, sizeof(TAttr));
            return result >= 0 ? (int)result : -Marshal.GetLastPInvokeError();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long command, void* attr, long size);
}
