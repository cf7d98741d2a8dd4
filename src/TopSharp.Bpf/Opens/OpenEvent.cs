using System.Buffers.Binary;
using System.Text;

namespace TopSharp.Bpf.Opens;

/// <summary>
/// One open(2)-family call as opens.bpf.c saw it at sys_exit (struct open_event in bpf/opens.h).
/// <paramref name="Result"/> is the fd, or -errno; <paramref name="Path"/> is null when the kernel could not
/// read it from user memory (then <paramref name="PathError"/> holds the errno), and may end mid-name when
/// <paramref name="PathTruncated"/> (it filled the 256-byte buffer). Comm is the calling thread's name.
/// </summary>
public sealed record OpenEvent(
    DateTimeOffset Time, ulong MonotonicNs, int Pid, int Tid, long Result, ulong Flags, int SyscallNr,
    string Comm, string? Path, int PathError, bool PathTruncated)
{
    /// <summary>sizeof(struct open_event).</summary>
    public const int Size = 312;

    public const int PathMax = 256;

    public bool Failed => Result < 0;

    /// <summary>The errno of a failed call, else 0.</summary>
    public int Errno => Result < 0 ? (int)-Result : 0;

    /// <summary>The call's name: open, creat, openat (x86_64 2, 85, 257; arm64 56) or openat2 (437 on both).</summary>
    public string SyscallName(System.Runtime.InteropServices.Architecture arch) => (SyscallNr, arch) switch
    {
        (437, _) => "openat2",
        (56, System.Runtime.InteropServices.Architecture.Arm64) => "openat",
        (2, System.Runtime.InteropServices.Architecture.X64) => "open",
        (85, System.Runtime.InteropServices.Architecture.X64) => "creat",
        (257, System.Runtime.InteropServices.Architecture.X64) => "openat",
        _ => $"syscall_{SyscallNr}",
    };

    /// <summary>"3" for an fd, "ENOENT" for a failure.</summary>
    public string ResultText => Result >= 0 ? Result.ToString(System.Globalization.CultureInfo.InvariantCulture) : ErrnoNames.Name(Errno);

    /// <summary>
    /// Decodes one ring-buffer record. <paramref name="monotonicToUnixNs"/> turns bpf_ktime_get_ns()
    /// (CLOCK_MONOTONIC) into Unix time; see <see cref="MonotonicClock"/>. False for a record of the wrong size.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, long monotonicToUnixNs, out OpenEvent? value)
    {
        value = null;
        if (record.Length < Size) return false;
        ulong ts = BinaryPrimitives.ReadUInt64LittleEndian(record);
        int pathLen = BinaryPrimitives.ReadInt32LittleEndian(record[36..]);
        ReadOnlySpan<byte> path = record.Slice(56, PathMax);
        value = new OpenEvent(
            DateTimeOffset.UnixEpoch.AddTicks(((long)ts + monotonicToUnixNs) / 100),
            ts,
            BinaryPrimitives.ReadInt32LittleEndian(record[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(record[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(record[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[32..]),
            CString(record.Slice(40, 16)),
            pathLen > 0 ? CString(path) : null,
            pathLen < 0 ? -pathLen : 0,
            pathLen >= PathMax);
        return true;
    }

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? bytes : bytes[..nul]);
    }
}
