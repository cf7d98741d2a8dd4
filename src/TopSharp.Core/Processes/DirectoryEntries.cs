using System.Runtime.InteropServices;
using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// The <c>linux_dirent64</c> records getdents64(2) returns: <c>d_ino</c> (8 bytes), <c>d_off</c> (8),
/// <c>d_reclen</c> (2), <c>d_type</c> (1), then the NUL-terminated name.
/// </summary>
internal static class DirectoryEntries
{
    private const int NameOffset = 19;

    /// <summary>Appends every name that is a positive decimal number (a PID or TID) to <paramref name="into"/>.</summary>
    public static void AppendNumericNames(ReadOnlySpan<byte> records, List<int> into)
    {
        while (records.Length > NameOffset)
        {
            int reclen = MemoryMarshal.Read<ushort>(records[16..]);
            if (reclen <= NameOffset || reclen > records.Length) return;
            ReadOnlySpan<byte> name = records[NameOffset..reclen];
            int nul = name.IndexOf((byte)0);
            if (nul >= 0) name = name[..nul];
            if (!name.IsEmpty && name[0] is >= (byte)'1' and <= (byte)'9'
                && Number.TryParseUInt64(name, out ulong id) && id <= int.MaxValue)
                into.Add((int)id);
            records = records[reclen..];
        }
    }
}
