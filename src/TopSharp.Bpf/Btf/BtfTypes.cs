using System.Buffers.Binary;
using System.Text;
using TopSharp.Bpf.Elf;

namespace TopSharp.Bpf.Btf;

/// <summary>
/// A BTF type table (Documentation/bpf/btf.rst): the <c>.BTF</c> section of a clang object (BTF-defined
/// maps), or the kernel's own at /sys/kernel/btf/vmlinux (world-readable), to resolve kernel struct
/// member offsets at run time instead of CO-RE: <c>BtfTypes.Vmlinux().MemberOffsetBytes("task_struct", "pid")</c>.
/// Parsing records where each type starts; a type becomes a <see cref="BtfType"/> only when asked for,
/// so a lookup in the kernel's ~100,000 types costs one pass over the bytes. Not thread-safe.
/// </summary>
public sealed class BtfTypes
{
    public const string VmlinuxPath = "/sys/kernel/btf/vmlinux";
    private const ushort Magic = 0xEB9F;
    private const int CommonSize = 12; // struct btf_type: name_off, info, size/type

    private readonly ReadOnlyMemory<byte> _section; // the type section
    private readonly ReadOnlyMemory<byte> _strings;
    private readonly List<int> _offsets; // index = type id: where the type starts in _section; id 0 is void
    private readonly Dictionary<int, BtfType> _parsed = [];

    private BtfTypes(ReadOnlyMemory<byte> section, ReadOnlyMemory<byte> strings, List<int> offsets) =>
        (_section, _strings, _offsets) = (section, strings, offsets);

    public int Count => _offsets.Count;

    public BtfType this[int id] => id > 0 && id < _offsets.Count
        ? _parsed.TryGetValue(id, out BtfType? t) ? t : _parsed[id] = ParseType(id)
        : throw new BpfException($"BTF type id {id} out of range");

    public static BtfTypes Vmlinux() => Parse(File.ReadAllBytes(VmlinuxPath));

    /// <summary>The first named type of that kind (struct, typedef, ...), or null.</summary>
    public BtfType? Find(string name, BtfKind kind)
    {
        byte[] wanted = Encoding.UTF8.GetBytes(name + "\0");
        ReadOnlySpan<byte> section = _section.Span, strings = _strings.Span;
        for (int id = 1; id < _offsets.Count; id++)
        {
            ReadOnlySpan<byte> t = section[_offsets[id]..];
            if (KindOf(BinaryPrimitives.ReadUInt32LittleEndian(t[4..])) != kind) continue;
            uint nameOff = BinaryPrimitives.ReadUInt32LittleEndian(t);
            if (nameOff < strings.Length && strings[(int)nameOff..].StartsWith(wanted)) return this[id];
        }
        return null;
    }

    /// <summary>The byte offset of <paramref name="member"/> in struct <paramref name="structName"/>; throws if either is absent.</summary>
    public int MemberOffsetBytes(string structName, string member)
    {
        BtfType s = Find(structName, BtfKind.Struct) ?? throw new BpfException($"BTF has no struct {structName}");
        foreach (BtfMember m in s.Members)
            if (m.Name == member) return (int)(m.Offset / 8);
        throw new BpfException($"BTF struct {structName} has no member {member}");
    }

    /// <summary>Skips typedefs, const, volatile, restrict and type tags.</summary>
    public BtfType Resolve(int id)
    {
        BtfType t = this[id];
        for (int depth = 0; depth < 32 && t.Kind is BtfKind.Typedef or BtfKind.Const or BtfKind.Volatile or BtfKind.Restrict or BtfKind.TypeTag or BtfKind.Var; depth++)
            t = this[(int)t.SizeOrType];
        return t;
    }

    /// <summary>sizeof the type, as C would say.</summary>
    public uint SizeOf(int id)
    {
        BtfType t = Resolve(id);
        return t.Kind switch
        {
            BtfKind.Int or BtfKind.Struct or BtfKind.Union or BtfKind.Enum or BtfKind.Enum64 or BtfKind.Float or BtfKind.Datasec => t.SizeOrType,
            BtfKind.Ptr => 8,
            BtfKind.Array => t.Array!.Value.Length * SizeOf(t.Array.Value.ElementType),
            _ => throw new BpfException($"BTF type {id} ({t.Kind} {t.Name}) has no size"),
        };
    }

    /// <summary>Copies <paramref name="btf"/>: an ELF section's bytes outlive the parse this way.</summary>
    public static BtfTypes Parse(ReadOnlySpan<byte> btf) => Parse(btf.ToArray());

    /// <summary>Keeps <paramref name="btf"/> (not copied) and records where each type starts.</summary>
    public static BtfTypes Parse(byte[] btf)
    {
        if (btf.Length < 24 || BinaryPrimitives.ReadUInt16LittleEndian(btf) != Magic)
            throw new BpfException("not little-endian BTF (bad magic)");
        int hdrLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(4));
        int typeOff = hdrLen + (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(8));
        int typeLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(12));
        int strOff = hdrLen + (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(16));
        int strLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(20));
        if (typeOff + typeLen > btf.Length || strOff + strLen > btf.Length) throw new BpfException("truncated BTF");
        var section = new ReadOnlyMemory<byte>(btf, typeOff, typeLen);
        return new BtfTypes(section, new ReadOnlyMemory<byte>(btf, strOff, strLen), TypeOffsets(section.Span));
    }

    /// <summary>Where each type starts, from the fixed part's kind and vlen alone; index 0 (void) has none.</summary>
    private static List<int> TypeOffsets(ReadOnlySpan<byte> t)
    {
        var offsets = new List<int>(t.Length / 32) { -1 };
        int at = 0;
        while (at + CommonSize <= t.Length)
        {
            uint info = BinaryPrimitives.ReadUInt32LittleEndian(t[(at + 4)..]);
            int vlen = (int)(info & 0xFFFF);
            int extra = KindOf(info) switch
            {
                BtfKind.Int or BtfKind.Var or BtfKind.DeclTag => 4,
                BtfKind.Array => 12,
                BtfKind.Struct or BtfKind.Union or BtfKind.Datasec or BtfKind.Enum64 => 12 * vlen,
                BtfKind.Enum or BtfKind.FuncProto => 8 * vlen,
                BtfKind.Ptr or BtfKind.Fwd or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict
                    or BtfKind.Func or BtfKind.Float or BtfKind.TypeTag => 0,
                _ => throw new BpfException($"BTF type {offsets.Count}: unknown kind {(int)KindOf(info)}"),
            };
            offsets.Add(at);
            at += CommonSize + extra;
        }
        if (at > t.Length) throw new BpfException("truncated BTF type section");
        return offsets;
    }

    private static BtfKind KindOf(uint info) => (BtfKind)((info >> 24) & 0x1F);

    private BtfType ParseType(int id)
    {
        ReadOnlySpan<byte> t = _section.Span[_offsets[id]..], strings = _strings.Span;
        string name = ElfFile.CString(strings, U32(t, 0));
        uint info = U32(t, 4), sizeOrType = U32(t, 8);
        int vlen = (int)(info & 0xFFFF);
        t = t[CommonSize..];
        BtfMember[] members = [];
        BtfArray? array = null;
        switch (KindOf(info))
        {
            case BtfKind.Array:
                array = new BtfArray((int)U32(t, 0), (int)U32(t, 4), U32(t, 8));
                break;
            case BtfKind.Struct or BtfKind.Union:
                members = new BtfMember[vlen];
                bool bitfields = (info >> 31) != 0; // kind_flag: offset = bitfield size << 24 | bit offset
                for (int i = 0, at = 0; i < vlen; i++, at += 12)
                {
                    uint offset = U32(t, at + 8);
                    members[i] = new BtfMember(ElfFile.CString(strings, U32(t, at)), (int)U32(t, at + 4), bitfields ? offset & 0xFFFFFF : offset);
                }
                break;
            case BtfKind.FuncProto:
                members = new BtfMember[vlen];
                for (int i = 0, at = 0; i < vlen; i++, at += 8)
                    members[i] = new BtfMember(ElfFile.CString(strings, U32(t, at)), (int)U32(t, at + 4), 0);
                break;
            case BtfKind.Datasec:
                members = new BtfMember[vlen];
                for (int i = 0, at = 0; i < vlen; i++, at += 12)
                    members[i] = new BtfMember("", (int)U32(t, at), U32(t, at + 4), U32(t, at + 8));
                break;
        }
        return new BtfType(id, KindOf(info), name, sizeOrType, members, array);
    }

    private static uint U32(ReadOnlySpan<byte> t, int at) =>
        at + 4 <= t.Length ? BinaryPrimitives.ReadUInt32LittleEndian(t[at..]) : throw new BpfException("truncated BTF type section");
}
