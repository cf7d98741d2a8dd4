using System.Buffers.Binary;
using System.Text;

namespace TopSharp.Bpf.Elf;

/// <summary>
/// The parts of a little-endian ELF64 relocatable object (EM_BPF) a BPF loader needs: sections,
/// the symbol table and SHT_REL relocations (System V gABI, "Object Files"; elf(5)).
/// </summary>
internal sealed class ElfFile
{
    public const ushort EM_BPF = 247;
    private const uint SHT_SYMTAB = 2;
    private const uint SHT_REL = 9;

    private readonly byte[] _image;

    public IReadOnlyList<ElfSection> Sections { get; }
    public IReadOnlyList<ElfSymbol> Symbols { get; }

    private ElfFile(byte[] image, ElfSection[] sections, ElfSymbol[] symbols)
    {
        _image = image;
        Sections = sections;
        Symbols = symbols;
    }

    public ReadOnlySpan<byte> Contents(ElfSection section) => _image.AsSpan((int)section.Offset, (int)section.Size);

    public ElfSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>The SHT_REL entries that apply to <paramref name="target"/> (from section ".rel" + its name).</summary>
    public IEnumerable<ElfRelocation> RelocationsFor(ElfSection target)
    {
        foreach (ElfSection rel in Sections)
        {
            if (rel.Type != SHT_REL || rel.Info != target.Index) continue;
            ReadOnlySpan<byte> data = Contents(rel);
            var list = new List<ElfRelocation>(data.Length / 16);
            for (int at = 0; at + 16 <= data.Length; at += 16)
            {
                ulong info = BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 8)..]);
                list.Add(new ElfRelocation(BinaryPrimitives.ReadUInt64LittleEndian(data[at..]), (int)(info >> 32), (uint)info));
            }
            foreach (ElfRelocation r in list) yield return r;
        }
    }

    public static ElfFile Parse(byte[] image)
    {
        ReadOnlySpan<byte> b = image;
        if (b.Length < 64 || !b[..4].SequenceEqual((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
            throw new BpfException("not an ELF object");
        if (b[4] != 2 || b[5] != 1)
            throw new BpfException("not a little-endian ELF64 object (build it with clang -target bpf on a little-endian host)");
        if (BinaryPrimitives.ReadUInt16LittleEndian(b[18..]) != EM_BPF)
            throw new BpfException("not a BPF object (e_machine is not EM_BPF)");
        long shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(b[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(b[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(b[0x3C..]);
        int shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(b[0x3E..]);
        if (shentsize < 64 || shoff < 0 || shoff + (long)shnum * shentsize > b.Length)
            throw new BpfException("truncated ELF section header table");

        var raw = new (uint Name, uint Type, ulong Flags, ulong Offset, ulong Size, uint Link, uint Info)[shnum];
        for (int i = 0; i < shnum; i++)
        {
            ReadOnlySpan<byte> h = b.Slice((int)(shoff + (long)i * shentsize), 64);
            raw[i] = (BinaryPrimitives.ReadUInt32LittleEndian(h), BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]), BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[32..]), BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[44..]));
            const uint SHT_NOBITS = 8;
            if (raw[i].Type != SHT_NOBITS && raw[i].Offset + raw[i].Size > (ulong)b.Length)
                throw new BpfException($"ELF section {i} lies past the end of the object");
        }
        if (shstrndx >= shnum) throw new BpfException("ELF section name table missing");
        ReadOnlySpan<byte> names = b.Slice((int)raw[shstrndx].Offset, (int)raw[shstrndx].Size);
        var sections = new ElfSection[shnum];
        for (int i = 0; i < shnum; i++)
            sections[i] = new ElfSection(i, CString(names, raw[i].Name), raw[i].Type, raw[i].Flags, raw[i].Offset, raw[i].Size, raw[i].Link, raw[i].Info);

        var symbols = new List<ElfSymbol>();
        ElfSection? symtab = sections.FirstOrDefault(s => s.Type == SHT_SYMTAB);
        if (symtab is not null)
        {
            ReadOnlySpan<byte> strings = b.Slice((int)sections[symtab.Link].Offset, (int)sections[symtab.Link].Size);
            ReadOnlySpan<byte> table = b.Slice((int)symtab.Offset, (int)symtab.Size);
            for (int at = 0; at + 24 <= table.Length; at += 24)
            {
                ReadOnlySpan<byte> s = table[at..];
                symbols.Add(new ElfSymbol(CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(s)), s[4],
                    BinaryPrimitives.ReadUInt16LittleEndian(s[6..]), BinaryPrimitives.ReadUInt64LittleEndian(s[8..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(s[16..])));
            }
        }
        return new ElfFile(image, sections, symbols.ToArray());
    }

    internal static string CString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length) return "";
        ReadOnlySpan<byte> rest = table[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}

internal sealed record ElfSection(int Index, string Name, uint Type, ulong Flags, ulong Offset, ulong Size, uint Link, uint Info)
{
    private const ulong SHF_EXECINSTR = 0x4;
    public bool IsExecutable => (Flags & SHF_EXECINSTR) != 0 && Size > 0;
}

internal sealed record ElfSymbol(string Name, byte Info, ushort SectionIndex, ulong Value, ulong Size)
{
    public const byte STT_FUNC = 2;
    public const byte STB_GLOBAL = 1;
    public byte Type => (byte)(Info & 0xF);
    public byte Binding => (byte)(Info >> 4);
}

/// <summary>An Elf64_Rel: the instruction at <see cref="Offset"/> refers to symbol <see cref="Symbol"/>.</summary>
internal readonly record struct ElfRelocation(ulong Offset, int Symbol, uint Type);
