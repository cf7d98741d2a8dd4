using TopSharp.Core.Cgroups;
using TopSharp.Core.Cpu;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Processes;

namespace TopSharp.ViewModels.Cgroups;

/// <summary>The cgroup tree's columns.</summary>
public enum CgroupColumn
{
    Name,
    CpuPercent,
    ThrottledPerSec,
    ThrottledPercent,
    MemoryCurrent,
    MemoryMax,
    Pids,
    IoReadRate,
    IoWriteRate,
    PsiCpu,
    PsiMemory,
    PsiIo,
    Cpus,
    Mems,
    Partition,
    Frozen,
    Processes,
}

/// <summary>Title, width, alignment, cell text and sort key of each column; a missing value is "-" and sorts last.</summary>
public sealed record CgroupColumnDefinition(
    CgroupColumn Id, string Title, int Width, ColumnAlignment Alignment, string Help,
    Func<CgroupEntry, string> Text, Func<CgroupEntry, double?>? Number)
{
    public static IReadOnlyList<CgroupColumnDefinition> All { get; } =
    [
        new(CgroupColumn.Name, "NAME", 28, ColumnAlignment.Left, "cgroup (tree), readable name", e => e.Name, null),
        Num(CgroupColumn.CpuPercent, "CPU%", 6, "cpu.stat usage_usec / cpuacct.usage, 100 = one CPU", e => e.Rates?.CpuPct, Units.Percent),
        Num(CgroupColumn.ThrottledPerSec, "THR/s", 6, "cpu.stat nr_throttled per second", e => e.Rates?.NrThrottledPerSec, Units.CountRate),
        Num(CgroupColumn.ThrottledPercent, "THR%", 6, "cpu.stat throttled_usec over the interval", e => e.Rates?.ThrottledPct, Units.Percent),
        Num(CgroupColumn.MemoryCurrent, "MEM", 7, "memory.current / memory.usage_in_bytes", e => e.Group.MemoryCurrentBytes, v => Units.Bytes((ulong)v)),
        new(CgroupColumn.MemoryMax, "MAX/HIGH", 13, ColumnAlignment.Right, "memory.max (/ memory.high) / memory.limit_in_bytes", MemoryLimit,
            e => Limit(e.Group.MemoryMaxBytes)),
        new(CgroupColumn.Pids, "PIDS", 9, ColumnAlignment.Right, "pids.current/pids.max", Pids, e => e.Group.PidsCurrent),
        Num(CgroupColumn.IoReadRate, "IO-R/s", 7, "io.stat rbytes per second", e => e.Rates?.ReadBytesPerSec, Units.ByteRate),
        Num(CgroupColumn.IoWriteRate, "IO-W/s", 7, "io.stat wbytes per second", e => e.Rates?.WriteBytesPerSec, Units.ByteRate),
        Psi(CgroupColumn.PsiCpu, "PSI-CPU", p => p.Cpu),
        Psi(CgroupColumn.PsiMemory, "PSI-MEM", p => p.Memory),
        Psi(CgroupColumn.PsiIo, "PSI-IO", p => p.Io),
        new(CgroupColumn.Cpus, "CPUS", 8, ColumnAlignment.Left, "cpuset.cpus.effective / cpuset.effective_cpus", e => e.Group.CpusEffective?.ToString() ?? "-", null),
        new(CgroupColumn.Mems, "MEMS", 6, ColumnAlignment.Left, "cpuset.mems.effective / cpuset.effective_mems", e => e.Group.MemsEffective?.ToString() ?? "-", null),
        new(CgroupColumn.Partition, "PART", 7, ColumnAlignment.Left, "cpuset.cpus.partition", e => e.Group.Partition ?? "-", null),
        new(CgroupColumn.Frozen, "FRZ", 3, ColumnAlignment.Left, "cgroup.events frozen / freezer.state FROZEN",
            e => e.Group.Frozen switch { true => "yes", false => "no", null => "-" }, e => e.Group.Frozen is { } f ? (f ? 1 : 0) : null),
        Num(CgroupColumn.Processes, "PROCS", 6, "cgroup.procs: processes directly in the group", e => e.Group.NrProcesses, v => ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static CgroupColumnDefinition Of(CgroupColumn id) => All[(int)id];

    private static CgroupColumnDefinition Num(CgroupColumn id, string title, int width, string help, Func<CgroupEntry, double?> value, Func<double, string> format) =>
        new(id, title, width, ColumnAlignment.Right, help, e => value(e) is { } v ? format(v) : "-", value);

    /// <summary>some/full avg10 (percent), e.g. "74/37"; "-" where the kernel writes no pressure file.</summary>
    private static CgroupColumnDefinition Psi(CgroupColumn id, string title, Func<Pressure, PressureResource?> pick) =>
        new(id, title, 7, ColumnAlignment.Right, $"{title[4..].ToLowerInvariant()}.pressure some/full avg10",
            e => e.Group.Pressure is { } p && pick(p) is { } r ? $"{r.Some.Avg10:0}/{(r.Full is { } f ? f.Avg10.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "-")}" : "-",
            e => e.Group.Pressure is { } p && pick(p) is { } r ? r.Some.Avg10 : null);

    private static double? Limit(ulong? v) => v is { } x && !CgroupValue.IsUnlimited(x) ? x : v is null ? null : double.MaxValue;

    private static string Bytes(ulong? v) => v is not { } x ? "-" : CgroupValue.IsUnlimited(x) ? "max" : Units.Bytes(x);

    private static string MemoryLimit(CgroupEntry e) =>
        e.Group.MemoryMaxBytes is null ? "-"
        : e.Group.MemoryHighBytes is { } high && !CgroupValue.IsUnlimited(high) ? $"{Bytes(e.Group.MemoryMaxBytes)}/{Bytes(high)}"
        : Bytes(e.Group.MemoryMaxBytes);

    private static string Pids(CgroupEntry e) =>
        e.Group.PidsCurrent is not { } current ? "-"
        : e.Group.PidsMax is { } max && !CgroupValue.IsUnlimited(max) ? $"{current}/{max}" : current.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
