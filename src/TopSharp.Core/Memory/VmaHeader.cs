using System.Buffers.Text;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>
/// The maps header line (fs/proc/task_mmu.c show_map_vma): <c>start-end perms offset major:minor inode</c>,
/// then, when the VMA has a name, blanks up to column 73 and one more blank (seq_pad), then the name. Counting the
/// padding rather than trimming keeps a path's own leading blanks.
/// </summary>
internal static class VmaHeader
{
    /// <summary>seq_setwidth's 25 + 6 × sizeof(void*) − 1 on a 64-bit kernel: the fields are padded to this column.</summary>
    private const int PadColumn = 73;

    private static readonly string[] PermsTable = BuildPermsTable();

    /// <summary>Null when the line parsed, else why not. <paramref name="lastMapping"/> is reused when the name repeats.</summary>
    public static string? TryParse(ReadOnlySpan<byte> line, SmapsCounters counters, ref string lastMapping, out Vma vma)
    {
        vma = default;
        var fields = new Fields(line);
        if (!fields.MoveNext()) return "empty header";
        ReadOnlySpan<byte> range = fields.Current;
        int dash = range.IndexOf((byte)'-');
        if (dash < 0 || !TryHex(range[..dash], out ulong start) || !TryHex(range[(dash + 1)..], out ulong end) || end < start)
            return $"address range unparsable: '{Excerpt.Of(line)}'";
        if (!fields.MoveNext() || PermsIndex(fields.Current) is not int perms) return $"permissions unparsable: '{Excerpt.Of(line)}'";
        if (!fields.MoveNext() || !TryHex(fields.Current, out ulong offset)) return $"offset unparsable: '{Excerpt.Of(line)}'";
        if (!fields.MoveNext() || !TryDevice(fields.Current, out uint major, out uint minor)) return $"device unparsable: '{Excerpt.Of(line)}'";
        if (!fields.MoveNext() || !Number.TryParseUInt64(fields.Current, out ulong inode)) return $"inode unparsable: '{Excerpt.Of(line)}'";

        line.Overlaps(fields.Current, out int inodeAt);
        ReadOnlySpan<byte> name = NameAfter(line, inodeAt + fields.Current.Length);
        if (!Equals(name, lastMapping)) lastMapping = Encoding.UTF8.GetString(name);
        bool deleted = inode != 0 && lastMapping.EndsWith(Vma.DeletedSuffix, StringComparison.Ordinal);
        MappingKind kind = name.IsEmpty ? MappingKind.Anonymous
            : inode == 0 && name[0] == (byte)'[' && name[^1] == (byte)']' ? MappingKind.Pseudo
            : MappingKind.File;
        vma = new Vma(start, end, PermsTable[perms], offset, major, minor, inode, lastMapping, kind, deleted, counters);
        return null;
    }

    /// <summary>
    /// The name after the inode's trailing blank: padding up to <see cref="PadColumn"/>, then one blank. A line that does
    /// not follow that layout (hand-written text) has its name after the first run of blanks.
    /// </summary>
    private static ReadOnlySpan<byte> NameAfter(ReadOnlySpan<byte> line, int inodeEnd)
    {
        if (line.Length <= inodeEnd + 1) return default;
        int nameStart = Math.Max(inodeEnd + 1, PadColumn) + 1;
        if (nameStart <= line.Length && line[inodeEnd..nameStart].IndexOfAnyExcept((byte)' ') < 0) return line[nameStart..];
        return line[inodeEnd..].TrimStart((byte)' ');
    }

    private static bool Equals(ReadOnlySpan<byte> utf8, string s) =>
        utf8.Length == s.Length && Ascii.Equals(utf8, s);

    private static bool TryHex(ReadOnlySpan<byte> text, out ulong value) =>
        Utf8Parser.TryParse(text, out value, out int used, 'x') && used == text.Length && used > 0;

    private static bool TryDevice(ReadOnlySpan<byte> text, out uint major, out uint minor)
    {
        major = minor = 0;
        int colon = text.IndexOf((byte)':');
        return colon > 0
            && Utf8Parser.TryParse(text[..colon], out major, out int a, 'x') && a == colon
            && Utf8Parser.TryParse(text[(colon + 1)..], out minor, out int b, 'x') && b == text.Length - colon - 1 && b > 0;
    }

    /// <summary><c>rwxp</c> as four bits (r, w, x, shared): an index into the interned perms strings.</summary>
    private static int? PermsIndex(ReadOnlySpan<byte> p)
    {
        if (p.Length != 4) return null;
        int bits = 0;
        if (p[0] == 'r') bits |= 8; else if (p[0] != '-') return null;
        if (p[1] == 'w') bits |= 4; else if (p[1] != '-') return null;
        if (p[2] == 'x') bits |= 2; else if (p[2] != '-') return null;
        if (p[3] == 's') bits |= 1; else if (p[3] != 'p') return null;
        return bits;
    }

    private static string[] BuildPermsTable()
    {
        var table = new string[16];
        for (int bits = 0; bits < 16; bits++)
            table[bits] = string.Concat(
                (bits & 8) != 0 ? "r" : "-", (bits & 4) != 0 ? "w" : "-", (bits & 2) != 0 ? "x" : "-", (bits & 1) != 0 ? "s" : "p");
        return table;
    }
}
