using System.Buffers.Binary;
using TopSharp.Bpf.Elf;

namespace TopSharp.Bpf.Btf;

/// <summary>
/// A BTF type table (Documentation/bpf/btf.rst): the <c>.BTF</c> section of a clang object (BTF-defined
/// maps), or the kernel's own at /sys/kernel/btf/vmlinux (world-readable), to resolve kernel struct
/// member offsets at run time instead of CO-RE: <c>BtfTypes.Vmlinux().MemberOffsetBytes("task_struct", "pid")</c>.
/// </summary>
public sealed class BtfTypes
{
    public const string VmlinuxPath = "/sys/kernel/btf/vmlinux";
    private const ushort Magic = 0xEB9F;

    private readonly BtfType[] _types; // index = type id; id 0 is void
    private Dictionary<string, int>? _byName;

    private BtfTypes(BtfType[] types) => _types = types;

    public int Count => _types.Length;

    public BtfType this[int id] => id > 0 && id < _types.Length ? _types[id] : throw new BpfException($"BTF type id {id} out of range");

    public static BtfTypes Vmlinux() => Parse(File.ReadAllBytes(VmlinuxPath));

    /// <summary>The first named type of that kind (struct, typedef, ...), or null.</summary>
    public BtfType? Find(string name, BtfKind kind)
    {
        _byName ??= BuildIndex();
        if (_byName.TryGetValue($"{(int)kind}:{name}", out int id)) return _types[id];
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

    public static BtfTypes Parse(ReadOnlySpan<byte> btf)
    {
        if (btf.Length < 24 || BinaryPrimitives.ReadUInt16LittleEndian(btf) != Magic)
            throw new BpfException("not little-endian BTF (bad magic)");
        int hdrLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf[4..]);
        int typeOff = hdrLen + (int)BinaryPrimitives.ReadUInt32LittleEndian(btf[8..]);
        int typeLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf[12..]);
        int strOff = hdrLen + (int)BinaryPrimitives.ReadUInt32LittleEndian(btf[16..]);
        int strLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf[20..]);
        if (typeOff + typeLen > btf.Length || strOff + strLen > btf.Length) throw new BpfException("truncated BTF");
        ReadOnlySpan<byte> strings = btf.Slice(strOff, strLen);
        ReadOnlySpan<byte> t = btf.Slice(typeOff, typeLen);

        var types = new List<BtfType> { new(0, BtfKind.Unknown, "void", 0, [], null) };
        int at = 0;
        while (at + 12 <= t.Length)
        {
            string name = ElfFile.CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(t[at..]));
            uint info = BinaryPrimitives.ReadUInt32LittleEndian(t[(at + 4)..]);
            uint sizeOrType = BinaryPrimitives.ReadUInt32LittleEndian(t[(at + 8)..]);
            var kind = (BtfKind)((info >> 24) & 0x1F);
            int vlen = (int)(info & 0xFFFF);
            at += 12;
            BtfMember[] members = [];
            BtfArray? array = null;
            switch (kind)
            {
                case BtfKind.Int or BtfKind.Var or BtfKind.DeclTag: at += 4; break;
                case BtfKind.Array:
                    array = new BtfArray((int)U32(t, at), (int)U32(t, at + 4), U32(t, at + 8));
                    at += 12;
                    break;
                case BtfKind.Struct or BtfKind.Union:
                    members = new BtfMember[vlen];
                    bool bitfields = (info >> 31) != 0; // kind_flag: offset = bitfield size << 24 | bit offset
                    for (int i = 0; i < vlen; i++, at += 12)
                    {
                        uint offset = U32(t, at + 8);
                        members[i] = new BtfMember(ElfFile.CString(strings, U32(t, at)), (int)U32(t, at + 4), bitfields ? offset & 0xFFFFFF : offset);
                    }
                    break;
                case BtfKind.Enum: at += 8 * vlen; break;
                case BtfKind.Enum64: at += 12 * vlen; break;
                case BtfKind.FuncProto:
                    members = new BtfMember[vlen];
                    for (int i = 0; i < vlen; i++, at += 8)
                        members[i] = new BtfMember(ElfFile.CString(strings, U32(t, at)), (int)U32(t, at + 4), 0);
                    break;
                case BtfKind.Datasec:
                    members = new BtfMember[vlen];
                    for (int i = 0; i < vlen; i++, at += 12)
                        members[i] = new BtfMember("", (int)U32(t, at), U32(t, at + 4), U32(t, at + 8));
                    break;
                case BtfKind.Ptr or BtfKind.Fwd or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict
                    or BtfKind.Func or BtfKind.Float or BtfKind.TypeTag:
                    break;
                default: throw new BpfException($"BTF type {types.Count}: unknown kind {(int)kind}");
            }
            if (at > t.Length) throw new BpfException("truncated BTF type section");
            types.Add(new BtfType(types.Count, kind, name, sizeOrType, members, array));
        }
        return new BtfTypes(types.ToArray());
    }

    private static uint U32(ReadOnlySpan<byte> t, int at) =>
        at + 4 <= t.Length ? BinaryPrimitives.ReadUInt32LittleEndian(t[at..]) : throw new BpfException("truncated BTF type section");

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>();
        for (int id = 1; id < _types.Length; id++)
            if (_types[id].Name.Length > 0) index.TryAdd($"{(int)_types[id].Kind}:{_types[id].Name}", id);
        return index;
    }
}
