using System.Runtime.InteropServices;
using System.Text;

namespace TopSharp.Bpf.Opens;

/// <summary>
/// O_* flags as open(2) names them: "O_RDONLY|O_CLOEXEC". Values from include/uapi/asm-generic/fcntl.h;
/// arm64 moves O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE (arch/arm64/include/uapi/asm/fcntl.h).
/// Bits without a name are shown as one hexadecimal remainder.
/// </summary>
public static class OpenFlags
{
    public const ulong O_ACCMODE = 3, O_WRONLY = 1, O_RDWR = 2;
    public const ulong O_CREAT = 0x40, O_EXCL = 0x80, O_NOCTTY = 0x100, O_TRUNC = 0x200, O_APPEND = 0x400;
    public const ulong O_NONBLOCK = 0x800, O_DSYNC = 0x1000, FASYNC = 0x2000;
    public const ulong O_NOATIME = 0x40000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;

    /// <summary>__O_SYNC and __O_TMPFILE: half of O_SYNC and O_TMPFILE, never passed alone.</summary>
    private const ulong SyncBit = 0x100000, TmpFileBit = 0x400000;

    private static readonly (ulong Bits, string Name)[] Common =
    [
        (O_CREAT, "O_CREAT"), (O_EXCL, "O_EXCL"), (O_NOCTTY, "O_NOCTTY"), (O_TRUNC, "O_TRUNC"), (O_APPEND, "O_APPEND"),
        (O_NONBLOCK, "O_NONBLOCK"), (O_NOATIME, "O_NOATIME"), (O_CLOEXEC, "O_CLOEXEC"), (O_PATH, "O_PATH"), (FASYNC, "FASYNC"),
    ];

    /// <summary>The four flags whose bits differ: (O_DIRECT, O_LARGEFILE, O_DIRECTORY, O_NOFOLLOW).</summary>
    public static (ulong Direct, ulong LargeFile, ulong Directory, ulong NoFollow) ArchBits(Architecture arch) =>
        arch == Architecture.Arm64 ? (0x10000UL, 0x20000UL, 0x4000UL, 0x8000UL) : (0x4000UL, 0x8000UL, 0x10000UL, 0x20000UL);

    public static string Format(ulong flags, Architecture arch)
    {
        var (direct, largeFile, directory, noFollow) = ArchBits(arch);
        var sb = new StringBuilder((flags & O_ACCMODE) switch { 0 => "O_RDONLY", O_WRONLY => "O_WRONLY", O_RDWR => "O_RDWR", _ => "O_ACCMODE" });
        ulong rest = flags & ~O_ACCMODE;
        foreach (var (bits, name) in Common) Take(sb, ref rest, bits, name);
        // O_SYNC is __O_SYNC|O_DSYNC and O_TMPFILE is __O_TMPFILE|O_DIRECTORY: name the pair before its half.
        Take(sb, ref rest, SyncBit | O_DSYNC, "O_SYNC");
        Take(sb, ref rest, O_DSYNC, "O_DSYNC");
        Take(sb, ref rest, TmpFileBit | directory, "O_TMPFILE");
        Take(sb, ref rest, directory, "O_DIRECTORY");
        Take(sb, ref rest, noFollow, "O_NOFOLLOW");
        Take(sb, ref rest, direct, "O_DIRECT");
        Take(sb, ref rest, largeFile, "O_LARGEFILE");
        if (rest != 0) sb.Append("|0x").Append(rest.ToString("x"));
        return sb.ToString();
    }

    private static void Take(StringBuilder sb, ref ulong rest, ulong bits, string name)
    {
        if ((rest & bits) != bits) return;
        sb.Append('|').Append(name);
        rest &= ~bits;
    }
}
