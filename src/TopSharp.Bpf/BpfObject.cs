using System.Reflection;

namespace TopSharp.Bpf;

/// <summary>
/// Loads a clang-built BPF object (bpf/*.bpf.o, embedded) over raw bpf(2): no libbpf, no clang at run time.
/// <code>
///   using BpfObject obj = BpfObject.LoadEmbedded("syscalls.bpf.o"); // parse ELF + BTF, create maps, relocate, load
///   BpfMap counts = obj.Map("counts");                                 // by C variable name
///   using BpfLink link = obj.Program("sys_enter").AttachRawTracepoint(); // raw_tp/X → tracepoint X; Dispose detaches
///   counts.ReadAll((key, value) => ..., delete: true);                 // drain: LOOKUP_AND_DELETE_BATCH, or the fallback
///   counts.TryLookup(key, value); counts.Update(key, value); counts.Delete(key); counts.TryGetNextKey(key, next);
///   counts.SumUInt64(value, offset);                                    // per-CPU values: PossibleCpus.Count slots
///   obj.Program("sys_enter").TestRun(ctx);                              // BPF_PROG_TEST_RUN on a synthetic context
///   using var ring = new BpfRingBuffer(obj.Map("events")); ring.Consume(record => ...); ring.Wait(timeoutMs);
/// </code>
/// Supported: BTF-defined maps of any type (ringbuf included), LD_IMM64 map relocations, raw_tp/ and tp_btf/
/// programs. Not supported (refused with a message): globals (.data/.rodata/.bss), bpf-to-bpf calls, CO-RE.
/// Every fd is a <see cref="Native.BpfFd"/>; nothing is pinned, so the kernel frees all of it when the process
/// ends, however it ends. Failures are <see cref="BpfException"/>s whose <see cref="BpfException.Failure"/> says
/// NotPrivileged (EPERM: "not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep &lt;binary&gt;`"),
/// NotSupported (no bpf(2)), Rejected (with the verifier log) or Unsupported.
/// </summary>
public sealed class BpfObject : IDisposable
{
    private readonly Dictionary<string, BpfMap> _maps;
    private readonly Dictionary<string, BpfProgram> _programs;

    private BpfObject(BpfObjectSpec spec, Dictionary<string, BpfMap> maps, Dictionary<string, BpfProgram> programs)
    {
        Spec = spec;
        _maps = maps;
        _programs = programs;
    }

    public BpfObjectSpec Spec { get; }
    public IReadOnlyCollection<BpfMap> Maps => _maps.Values;
    public IReadOnlyCollection<BpfProgram> Programs => _programs.Values;

    public BpfMap Map(string name) => _maps.TryGetValue(name, out BpfMap? m) ? m : throw new BpfException($"{Spec.Name} has no map {name}");

    public BpfProgram Program(string name) => _programs.TryGetValue(name, out BpfProgram? p) ? p : throw new BpfException($"{Spec.Name} has no program {name}");

    /// <summary>The names of the embedded objects (bpf/*.bpf.o), e.g. "syscalls.bpf.o".</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(BpfObject).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).ToArray();

    private const string ResourcePrefix = "TopSharp.Bpf.";

    public static byte[] ReadEmbedded(string fileName)
    {
        using Stream stream = typeof(BpfObject).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new BpfException($"no embedded BPF object {fileName} (bpf/build.sh builds it)");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static BpfObject LoadEmbedded(string fileName) => Load(BpfObjectSpec.Parse(ReadEmbedded(fileName), fileName));

    /// <summary>Creates the maps, patches their fds into the programs and loads every program; on any failure closes what it made.</summary>
    public static BpfObject Load(BpfObjectSpec spec)
    {
        MemlockLimit.RaiseOnOldKernels();
        var maps = new Dictionary<string, BpfMap>();
        var programs = new Dictionary<string, BpfProgram>();
        try
        {
            foreach (BpfMapSpec m in spec.Maps) maps.Add(m.Name, BpfMap.Create(m));
            foreach (BpfProgramSpec p in spec.Programs)
            {
                byte[] insns = (byte[])p.Instructions.Clone();
                foreach ((int index, string map) in p.MapReferences)
                    BpfObjectSpec.PatchMapFd(insns, index, maps.TryGetValue(map, out BpfMap? m) ? m.Fd.Value
                        : throw new BpfException($"{spec.Name}: {p.Name} refers to unknown map {map}"));
                programs.Add(p.Name, BpfProgram.Load(p, insns, spec.License));
            }
            return new BpfObject(spec, maps, programs);
        }
        catch
        {
            foreach (BpfProgram p in programs.Values) p.Dispose();
            foreach (BpfMap m in maps.Values) m.Dispose();
            throw;
        }
    }

    /// <summary>Closes the programs and maps (links are owned by whoever attached them).</summary>
    public void Dispose()
    {
        foreach (BpfProgram p in _programs.Values) p.Dispose();
        foreach (BpfMap m in _maps.Values) m.Dispose();
    }
}
