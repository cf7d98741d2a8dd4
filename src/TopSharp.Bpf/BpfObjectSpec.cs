using System.Buffers.Binary;
using System.Text;
using TopSharp.Bpf.Btf;
using TopSharp.Bpf.Elf;

namespace TopSharp.Bpf;

/// <summary>A BTF-defined map as the object declares it (<c>SEC(".maps")</c> with __uint/__type members).</summary>
public sealed record BpfMapSpec(string Name, BpfMapType Type, uint KeySize, uint ValueSize, uint MaxEntries, uint Flags);

/// <summary>A program: its function name, ELF section, instructions and the map each LD_IMM64 at an index refers to.</summary>
public sealed record BpfProgramSpec(string Name, string Section, BpfProgramType Type, string? AttachTo,
    byte[] Instructions, IReadOnlyList<(int Instruction, string Map)> MapReferences)
{
    public int InstructionCount => Instructions.Length / 8;
}

/// <summary>The program types the loader knows how to name from an ELF section (libbpf's SEC() conventions).</summary>
public enum BpfProgramType : uint
{
    RawTracepoint = 17,
    /// <summary>tp_btf: BPF_PROG_TYPE_TRACING attached as BPF_TRACE_RAW_TP, arguments typed by vmlinux BTF.</summary>
    Tracing = 26,
}

/// <summary>
/// What an ELF object built by bpf/build.sh holds, parsed without touching the kernel: maps from the
/// <c>.BTF</c> DATASEC ".maps", programs from executable sections, relocations from SHT_REL sections.
/// </summary>
public sealed class BpfObjectSpec
{
    public required string Name { get; init; }
    public required string License { get; init; }
    public required IReadOnlyList<BpfMapSpec> Maps { get; init; }
    public required IReadOnlyList<BpfProgramSpec> Programs { get; init; }

    public static BpfObjectSpec Parse(byte[] image, string name)
    {
        ElfFile elf = ElfFile.Parse(image);
        ElfSection? btfSection = elf.Section(".BTF");
        ElfSection? mapsSection = elf.Section(".maps");
        IReadOnlyList<BpfMapSpec> maps = mapsSection is null ? []
            : btfSection is null ? throw new BpfException($"{name}: .maps without .BTF (compile with -g)")
            : ParseMaps(BtfTypes.Parse(elf.Contents(btfSection)), name);

        var programs = new List<BpfProgramSpec>();
        foreach (ElfSection section in elf.Sections.Where(s => s.IsExecutable))
        {
            var functions = elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type == ElfSymbol.STT_FUNC && s.Binding == ElfSymbol.STB_GLOBAL).ToList();
            if (section.Name == ".text")
            {
                if (functions.Count > 0)
                    throw new BpfException($"{name}: functions in .text (bpf-to-bpf calls) are not supported: mark helpers static __always_inline");
                continue;
            }
            (BpfProgramType type, string attachTo) = ProgramType(section.Name, name);
            var relocations = elf.RelocationsFor(section).ToList();
            foreach (ElfSymbol function in functions)
                programs.Add(ParseProgram(elf, section, function, relocations, type, attachTo, mapsSection, name));
        }

        ElfSection? license = elf.Section("license");
        return new BpfObjectSpec
        {
            Name = name,
            License = license is null ? "" : ElfFile.CString(elf.Contents(license), 0),
            Maps = maps,
            Programs = programs,
        };
    }

    private static (BpfProgramType, string) ProgramType(string section, string name)
    {
        int slash = section.IndexOf('/');
        string kind = slash < 0 ? section : section[..slash];
        string target = slash < 0 ? "" : section[(slash + 1)..];
        return kind switch
        {
            "raw_tp" or "raw_tracepoint" => (BpfProgramType.RawTracepoint, target),
            "tp_btf" => (BpfProgramType.Tracing, target),
            _ => throw new BpfException($"{name}: section \"{section}\": only raw_tp/ and tp_btf/ programs are supported"),
        };
    }

    private static BpfProgramSpec ParseProgram(ElfFile elf, ElfSection section, ElfSymbol function, List<ElfRelocation> relocations,
        BpfProgramType type, string attachTo, ElfSection? mapsSection, string name)
    {
        byte[] insns = elf.Contents(section).Slice((int)function.Value, (int)function.Size).ToArray();
        var references = new List<(int, string)>();
        foreach (ElfRelocation r in relocations)
        {
            if (r.Offset < function.Value || r.Offset >= function.Value + function.Size) continue;
            ElfSymbol symbol = elf.Symbols[r.Symbol];
            int index = (int)(r.Offset - function.Value) / 8;
            if (mapsSection is null || symbol.SectionIndex != mapsSection.Index)
            {
                string target = symbol.SectionIndex < elf.Sections.Count ? elf.Sections[symbol.SectionIndex].Name : "?";
                throw new BpfException($"{name}: {function.Name} refers to {symbol.Name} in {target}: only map references are supported (no globals, no calls)");
            }
            const byte BPF_LD_IMM64 = 0x18;
            if (insns[index * 8] != BPF_LD_IMM64)
                throw new BpfException($"{name}: {function.Name} instruction {index} refers to map {symbol.Name} but is not LD_IMM64");
            references.Add((index, symbol.Name));
        }
        return new BpfProgramSpec(function.Name, section.Name, type, attachTo, insns, references);
    }

    /// <summary>Each variable of DATASEC ".maps" is a struct whose members encode the map: __uint(x, N) is a pointer to int[N], __type(x, T) a pointer to T.</summary>
    private static List<BpfMapSpec> ParseMaps(BtfTypes btf, string name)
    {
        var maps = new List<BpfMapSpec>();
        BtfType? datasec = btf.Find(".maps", BtfKind.Datasec);
        if (datasec is null) return maps;
        foreach (BtfMember entry in datasec.Members)
        {
            BtfType variable = btf[entry.Type];
            BtfType definition = btf.Resolve(variable.Id);
            if (definition.Kind != BtfKind.Struct)
                throw new BpfException($"{name}: map {variable.Name} is not a BTF-defined map struct");
            uint type = 0, keySize = 0, valueSize = 0, maxEntries = 0, flags = 0;
            foreach (BtfMember m in definition.Members)
            {
                BtfType pointer = btf.Resolve(m.Type);
                if (pointer.Kind != BtfKind.Ptr)
                    throw new BpfException($"{name}: map {variable.Name} member {m.Name} is not __uint/__type");
                switch (m.Name)
                {
                    case "type": type = Uint(btf, pointer); break;
                    case "max_entries": maxEntries = Uint(btf, pointer); break;
                    case "map_flags": flags = Uint(btf, pointer); break;
                    case "key_size": keySize = Uint(btf, pointer); break;
                    case "value_size": valueSize = Uint(btf, pointer); break;
                    case "key": keySize = btf.SizeOf((int)pointer.SizeOrType); break;
                    case "value": valueSize = btf.SizeOf((int)pointer.SizeOrType); break;
                    default: throw new BpfException($"{name}: map {variable.Name}: member {m.Name} is not supported");
                }
            }
            maps.Add(new BpfMapSpec(variable.Name, (BpfMapType)type, keySize, valueSize, maxEntries, flags));
        }
        return maps;
    }

    private static uint Uint(BtfTypes btf, BtfType pointer)
    {
        BtfType array = btf.Resolve((int)pointer.SizeOrType);
        return array.Array?.Length ?? throw new BpfException("__uint member is not a pointer to an array");
    }

    internal static byte[] Utf8Z(string s) => Encoding.UTF8.GetBytes(s + "\0");

    internal static void PatchMapFd(Span<byte> insns, int index, int fd)
    {
        const byte BPF_PSEUDO_MAP_FD = 1;
        Span<byte> insn = insns.Slice(index * 8, 8);
        insn[1] = (byte)((insn[1] & 0x0F) | (BPF_PSEUDO_MAP_FD << 4));
        BinaryPrimitives.WriteInt32LittleEndian(insn[4..], fd);
    }
}
