using TopSharp.Core.Cpu;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// Reads one cgroup directory's interface files into a <see cref="Cgroup"/>: the v2 names in the unified
/// hierarchy (Documentation/admin-guide/cgroup-v2.rst), the v1 names of the controllers a v1 hierarchy carries
/// (Documentation/admin-guide/cgroup-v1/*.rst). A file that is absent leaves its value null; one that does not
/// parse leaves it null with a diagnostic.
/// </summary>
internal sealed class CgroupReader(KernelFile file, List<ParseDiagnostic> diagnostics)
{
    public const string Source = "cgroup";

    public Cgroup Read(CgroupHierarchy hierarchy, string directory, string path) =>
        hierarchy.IsUnified ? ReadV2(directory, path) : ReadV1(hierarchy, directory, path);

    private Cgroup ReadV2(string dir, string path)
    {
        CpuStat? cpuStat = Parsed<CpuStat>(dir, "cpu.stat", CpuStatReader.TryParse);
        return new Cgroup
        {
            Path = path,
            CpuStat = cpuStat,
            CpuUsageNs = cpuStat?.UsageUsec * 1000,
            MemoryCurrentBytes = Limit(dir, "memory.current"),
            MemoryMaxBytes = Limit(dir, "memory.max"),
            MemoryHighBytes = Limit(dir, "memory.high"),
            PidsCurrent = Limit(dir, "pids.current"),
            PidsMax = Limit(dir, "pids.max"),
            Io = Parsed<IoStat>(dir, "io.stat", IoStatReader.TryParse),
            Pressure = ReadPressure(dir),
            CpusEffective = List(dir, "cpuset.cpus.effective"),
            MemsEffective = List(dir, "cpuset.mems.effective"),
            Type = Word(dir, "cgroup.type"),
            Partition = Word(dir, "cpuset.cpus.partition"),
            Frozen = TryRead(dir, "cgroup.events", out ReadOnlySpan<byte> events) && CgroupEventsReader.TryParseFrozen(events, out bool frozen) ? frozen : null,
            NrProcesses = TryRead(dir, "cgroup.procs", out ReadOnlySpan<byte> procs) ? CgroupValue.CountLines(procs) : null,
        };
    }

    private Cgroup ReadV1(CgroupHierarchy h, string dir, string path)
    {
        CpuStat? cpuStat = h.Has("cpu") ? Parsed<CpuStat>(dir, "cpu.stat", CpuStatReader.TryParse) : null;
        ulong? usageNs = h.Has("cpuacct") ? Limit(dir, "cpuacct.usage") : null;
        return new Cgroup
        {
            Path = path,
            CpuStat = cpuStat,
            CpuUsageNs = usageNs,
            MemoryCurrentBytes = h.Has("memory") ? Limit(dir, "memory.usage_in_bytes") : null,
            MemoryMaxBytes = h.Has("memory") ? Limit(dir, "memory.limit_in_bytes") : null,
            PidsCurrent = h.Has("pids") ? Limit(dir, "pids.current") : null,
            PidsMax = h.Has("pids") ? Limit(dir, "pids.max") : null,
            CpusEffective = h.Has("cpuset") ? List(dir, "cpuset.effective_cpus") : null,
            MemsEffective = h.Has("cpuset") ? List(dir, "cpuset.effective_mems") : null,
            // cgroup-v1/freezer-subsystem.rst: THAWED, FREEZING or FROZEN; the root has no freezer.state.
            Frozen = h.Has("freezer") && Word(dir, "freezer.state") is string state ? state == "FROZEN" : null,
            NrProcesses = TryRead(dir, "cgroup.procs", out ReadOnlySpan<byte> procs) ? CgroupValue.CountLines(procs) : null,
        };
    }

    private Pressure? ReadPressure(string dir)
    {
        PressureResource? cpu = Parsed<PressureResource>(dir, "cpu.pressure", PressureReader.TryParse);
        PressureResource? memory = Parsed<PressureResource>(dir, "memory.pressure", PressureReader.TryParse);
        PressureResource? io = Parsed<PressureResource>(dir, "io.pressure", PressureReader.TryParse);
        return cpu is null && memory is null && io is null ? null : new Pressure(cpu, memory, io);
    }

    private bool TryRead(string dir, string name, out ReadOnlySpan<byte> content) => file.TryRead(Path.Join(dir, name), out content);

    private T? Parsed<T>(string dir, string name, SpanParser<T> parse) where T : class =>
        ParsedFile.TryRead(file, Path.Join(dir, name), parse, diagnostics, out T? value) ? value : null;

    private T? Parsed<T>(string dir, string name, StructParser<T> parse) where T : struct
    {
        string path = Path.Join(dir, name);
        return file.TryRead(path, out ReadOnlySpan<byte> content) && parse(content, out T value, diagnostics, path) ? value : null;
    }

    private ulong? Limit(string dir, string name)
    {
        if (!TryRead(dir, name, out ReadOnlySpan<byte> content)) return null;
        if (CgroupValue.TryParseLimit(content, out ulong value)) return value;
        diagnostics.Add(new ParseDiagnostic(Source, Path.Join(dir, name), 1, $"expected a number or max: '{Excerpt.Of(content.TrimEnd((byte)'\n'))}'"));
        return null;
    }

    private CpuList? List(string dir, string name)
    {
        if (!TryRead(dir, name, out ReadOnlySpan<byte> content)) return null;
        if (CpuList.TryParse(content, out CpuList list)) return list;
        diagnostics.Add(new ParseDiagnostic(Source, Path.Join(dir, name), 1, $"expected a CPU list: '{Excerpt.Of(content.TrimEnd((byte)'\n'))}'"));
        return null;
    }

    private string? Word(string dir, string name) => TryRead(dir, name, out ReadOnlySpan<byte> content) ? CgroupValue.Word(content) : null;

    private delegate bool StructParser<T>(ReadOnlySpan<byte> utf8, out T value, List<ParseDiagnostic>? diagnostics, string path);
}
