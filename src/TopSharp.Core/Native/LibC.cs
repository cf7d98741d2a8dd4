using System.Runtime.InteropServices;

namespace TopSharp.Core.Native;

/// <summary>
/// The few libc calls the sampler's hot path makes directly, so that no path string or handle
/// object is allocated per file. Only constants that are the same on x86-64 and arm64 are used.
/// </summary>
internal static unsafe partial class LibC
{
    public const int O_RDONLY = 0;
    public const int O_CLOEXEC = 0x80000;

    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EACCES = 13;

    public const int _SC_CLK_TCK = 2;

    public const int AT_FDCWD = -100;
    public const uint STATX_UID = 0x8;
    public const uint STATX_MTIME = 0x40;
    public const uint STATX_INO = 0x100;
    public const uint STATX_SIZE = 0x200;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int openat(int dirfd, byte* pathname, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint pread(int fd, byte* buf, nuint count, long offset);

    [LibraryImport("libc")]
    public static partial int close(int fd);

    /// <summary>O_PATH: a descriptor that names a file without opening it for reading.</summary>
    public const int O_PATH = 0x200000;
    /// <summary>statx on the descriptor itself (an empty path).</summary>
    public const int AT_EMPTY_PATH = 0x1000;
    public const int RLIMIT_NOFILE = 7;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getrlimit(int resource, RLimit* rlim);

    /// <summary>Reads linux_dirent64 records (getdents(2)); glibc 2.30+.</summary>
    [LibraryImport("libc", SetLastError = true)]
    public static partial nint getdents64(int fd, byte* dirp, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int statx(int dirfd, byte* pathname, int flags, uint mask, Statx* statxbuf);

    [LibraryImport("libc")]
    public static partial long sysconf(int name);

    public const int O_NONBLOCK = 0x800;
    public const uint STATX_TYPE = 0x1;
    public const ushort S_IFMT = 0xF000, S_IFREG = 0x8000;
    public const int PROT_READ = 0x1, MAP_SHARED = 0x1;

    /// <summary>cachestat(2), Linux 6.5+: the same number on x86-64 and arm64 (the generic syscall table).</summary>
    public const long SYS_cachestat = 451;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int open(byte* pathname, int flags);

    /// <summary>syscall(2) for <c>cachestat(fd, range, cstat, flags)</c>: glibc has no wrapper yet.</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long syscall_cachestat(long number, uint fd, CachestatRange* range, Cachestat* cstat, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial void* mmap(void* addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(void* addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int mincore(void* addr, nuint length, byte* vec);
}

/// <summary>struct rlimit (getrlimit(2)): the soft and hard limits; RLIM_INFINITY is all ones.</summary>
internal struct RLimit
{
    public ulong Cur;
    public ulong Max;
}

/// <summary>struct cachestat_range (include/uapi/linux/mman.h): len 0 means to the end of the file.</summary>
internal struct CachestatRange
{
    public ulong Off;
    public ulong Len;
}

/// <summary>struct cachestat (include/uapi/linux/mman.h): page counts.</summary>
internal struct Cachestat
{
    public ulong NrCache;
    public ulong NrDirty;
    public ulong NrWriteback;
    public ulong NrEvicted;
    public ulong NrRecentlyEvicted;
}

/// <summary>struct statx (statx(2)): the same layout on every architecture.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct Statx
{
    [FieldOffset(0)] public uint Mask;
    [FieldOffset(20)] public uint Uid;
    [FieldOffset(28)] public ushort Mode;
    [FieldOffset(32)] public ulong Ino;
    [FieldOffset(40)] public ulong Size;
    [FieldOffset(112)] public long MtimeSec;
    [FieldOffset(120)] public uint MtimeNsec;
    [FieldOffset(136)] public uint DevMajor;
    [FieldOffset(140)] public uint DevMinor;
}
