using System.Buffers.Binary;
using System.Text;
using TopSharp.Bpf.Btf;
using Xunit;

namespace TopSharp.Bpf.Tests.Btf;

/// <summary>Hand-built BTF (Documentation/bpf/btf.rst): the layout rules, and bad input as a clear error.</summary>
public class BtfTypesTests
{
    private const string Strings = "\0int\0s\0a\0b\0t\0";
    private static readonly int Int = Strings.IndexOf("int"), S = Strings.IndexOf("s\0"), A = Strings.IndexOf("a\0"),
        B = Strings.IndexOf("b\0"), T = Strings.IndexOf("t\0");

    /// <summary>[1] int (4 bytes), [2] struct s { int a; int b; } (b at bit 32), [3] typedef struct s t.</summary>
    private static uint[] Types(int structVlen = 2, uint typedefKind = 8) =>
    [
        (uint)Int, Info(1, 0), 4, 32,               // INT: encoding word (32 bits)
        (uint)S, Info(4, structVlen), 8,            // STRUCT
        (uint)A, 1, 0,
        (uint)B, 1, 32,
        (uint)T, Info(typedefKind, 0), 2,           // TYPEDEF → 2
    ];

    [Fact]
    public void Types_are_numbered_in_order_and_read_as_the_layout_says()
    {
        BtfTypes btf = BtfTypes.Parse(Blob(Types()));

        Assert.Equal(4, btf.Count); // void + 3
        Assert.Equal(4, btf.MemberOffsetBytes("s", "b"));
        BtfType t = btf.Find("t", BtfKind.Typedef)!;
        Assert.Equal((3, "s", 8u), (t.Id, btf.Resolve(t.Id).Name, btf.SizeOf(t.Id)));
        Assert.Null(btf.Find("t", BtfKind.Struct));
        Assert.Equal((BtfKind.Int, "int"), (btf[1].Kind, btf[1].Name));
    }

    [Fact]
    public void An_unknown_kind_or_a_short_type_section_is_an_error_naming_it()
    {
        Assert.Equal("BTF type 3: unknown kind 25",
            Assert.Throws<BpfException>(() => BtfTypes.Parse(Blob(Types(typedefKind: 25)))).Message);
        Assert.Equal("truncated BTF type section",
            Assert.Throws<BpfException>(() => BtfTypes.Parse(Blob(Types(structVlen: 4)))).Message);
        Assert.Equal("not little-endian BTF (bad magic)", Assert.Throws<BpfException>(() => BtfTypes.Parse(new byte[24])).Message);
        Assert.Equal("BTF type id 4 out of range", Assert.Throws<BpfException>(() => BtfTypes.Parse(Blob(Types()))[4]).Message);
    }

    private static uint Info(uint kind, int vlen) => kind << 24 | (uint)vlen;

    /// <summary>struct btf_header (24 bytes), the type section, then the string section.</summary>
    private static byte[] Blob(uint[] types)
    {
        byte[] strings = Encoding.ASCII.GetBytes(Strings);
        var blob = new byte[24 + types.Length * 4 + strings.Length];
        Span<byte> b = blob;
        BinaryPrimitives.WriteUInt16LittleEndian(b, 0xEB9F);
        b[2] = 1; // version
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], 24);                      // hdr_len
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], 0);                       // type_off
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], (uint)types.Length * 4); // type_len
        BinaryPrimitives.WriteUInt32LittleEndian(b[16..], (uint)types.Length * 4); // str_off
        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], (uint)strings.Length);   // str_len
        for (int i = 0; i < types.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b[(24 + i * 4)..], types[i]);
        strings.CopyTo(b[(24 + types.Length * 4)..]);
        return blob;
    }
}
