using System.Globalization;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;
using static TopSharp.ViewModels.Processes.ColumnAlignment;

namespace TopSharp.ViewModels.Processes;

/// <summary>Every process column, once: <see cref="Get"/> by id, <see cref="Default"/> for a new config.</summary>
public static class ColumnCatalogue
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ColumnId> Default { get; } =
    [
        ColumnId.Pid, ColumnId.User, ColumnId.Priority, ColumnId.Nice, ColumnId.Virt, ColumnId.Res, ColumnId.Shr,
        ColumnId.State, ColumnId.CpuPercent, ColumnId.MemPercent, ColumnId.Time, ColumnId.Command,
    ];

    public static IReadOnlyList<ColumnDefinition> All { get; } =
    [
        Number(ColumnId.Pid, "PID", 7, false, "process (or thread) ID", e => e.Pid),
        Text(ColumnId.User, "USER", 9, "user name of the real uid", e => e.User),
        Column(ColumnId.Priority, "PRI", 3, Right, ProcessFiles.None, true, "kernel priority (RT for real-time)",
            e => e.Sample.Stat.Priority <= -100 ? "RT" : Int(e.Sample.Stat.Priority), (a, b) => a.Sample.Stat.Priority.CompareTo(b.Sample.Stat.Priority)),
        Number(ColumnId.Nice, "NI", 3, true, "nice value", e => e.Sample.Stat.Nice),
        Column(ColumnId.Virt, "VIRT", 5, Right, ProcessFiles.None, true, "virtual memory size",
            e => Units.Memory(e.VirtBytes), (a, b) => a.VirtBytes.CompareTo(b.VirtBytes)),
        Column(ColumnId.Res, "RES", 5, Right, ProcessFiles.None, true, "resident set size",
            e => Units.Memory(e.ResBytes), (a, b) => a.ResBytes.CompareTo(b.ResBytes)),
        Column(ColumnId.Shr, "SHR", 5, Right, ProcessFiles.None, true, "resident shared pages (file and shmem)",
            e => Units.Memory(e.ShrBytes), (a, b) => a.ShrBytes.CompareTo(b.ShrBytes)),
        Column(ColumnId.State, "S", 1, Left, ProcessFiles.None, false, "state (R running, S sleeping, D disk wait, Z zombie, …)",
            e => e.Sample.Stat.State.ToString(), (a, b) => a.Sample.Stat.State.CompareTo(b.Sample.Stat.State)),
        Column(ColumnId.CpuPercent, "CPU%", 5, Right, ProcessFiles.None, true, "CPU use since the last refresh; 100 is one CPU",
            e => Units.Percent(e.CpuPct), (a, b) => a.CpuPct.CompareTo(b.CpuPct)),
        Column(ColumnId.MemPercent, "MEM%", 5, Right, ProcessFiles.None, true, "resident memory as a share of MemTotal",
            e => Units.Percent(e.MemPct), (a, b) => a.MemPct.CompareTo(b.MemPct)),
        Column(ColumnId.Time, "TIME+", 9, Right, ProcessFiles.None, true, "user + system CPU time",
            e => Units.CpuTime(e.CpuTicks, e.Units.ClockTicksPerSecond), (a, b) => a.CpuTicks.CompareTo(b.CpuTicks)),
        Column(ColumnId.Command, "Command", 0, Left, ProcessFiles.None, false, "command line; comm for threads, kernel threads and zombies",
            e => TerminalText.Escape(e.CommandLine), (a, b) => string.Compare(a.CommandLine, b.CommandLine, StringComparison.Ordinal)),
        Number(ColumnId.Ppid, "PPID", 7, false, "parent process ID", e => e.Sample.Stat.Ppid),
        Number(ColumnId.Threads, "THR", 4, true, "number of threads", e => e.Sample.Stat.NumThreads),
        Rate(ColumnId.RunqPercent, "RUNQ%", 6, ProcessFiles.SchedStat, "time waiting on a run queue (schedstat run_delay), % of the interval",
            e => e.Rates?.RunDelayPct, Units.Percent),
        Number(ColumnId.Processor, "CPU", 3, false, "CPU the task last ran on", e => e.Sample.Stat.Processor),
        Column(ColumnId.Cgroup, "CGROUP", 30, Left, ProcessFiles.Cgroup, false, "cgroup path (v2, else the first v1 hierarchy)",
            e => TerminalText.Escape(e.Sample.Cgroup?.DisplayPath ?? "-"), (a, b) => Ordinal(a.Sample.Cgroup?.DisplayPath, b.Sample.Cgroup?.DisplayPath)),
        Column(ColumnId.Cpus, "CPUS", 10, Left, ProcessFiles.Status, false, "Cpus_allowed_list: CPUs the task may run on",
            e => TerminalText.Escape(e.Sample.Status?.CpusAllowedList ?? "-"), (a, b) => Ordinal(a.Sample.Status?.CpusAllowedList, b.Sample.Status?.CpusAllowedList)),
        Rate(ColumnId.IoReadRate, "IO_R/s", 7, ProcessFiles.Io, "bytes read from storage per second (io read_bytes)",
            e => e.Rates?.ReadBytesPerSec, Units.ByteRate),
        Rate(ColumnId.IoWriteRate, "IO_W/s", 7, ProcessFiles.Io, "bytes written to storage per second (io write_bytes)",
            e => e.Rates?.WriteBytesPerSec, Units.ByteRate),
        Rate(ColumnId.CtxSwitchRate, "CTXSW/s", 7, ProcessFiles.Status, "voluntary + involuntary context switches per second",
            e => e.Rates?.CtxtSwitchesPerSec, Units.CountRate),
    ];

    public static ColumnDefinition Get(ColumnId id) => All[(int)id];

    /// <summary>The files the sampler must read for these columns.</summary>
    public static ProcessFiles Needs(IEnumerable<ColumnId> columns) =>
        columns.Aggregate(ProcessFiles.None, (files, id) => files | Get(id).Needs);

    private static ColumnDefinition Column(
        ColumnId id, string title, int width, ColumnAlignment align, ProcessFiles needs, bool descending, string description,
        Func<ProcessEntry, string> format, Comparison<ProcessEntry> compare) =>
        new(id, title, width, align, needs, descending, description, format, compare);

    private static ColumnDefinition Number(ColumnId id, string title, int width, bool descending, string description, Func<ProcessEntry, int> value) =>
        Column(id, title, width, Right, ProcessFiles.None, descending, description, e => Int(value(e)), (a, b) => value(a).CompareTo(value(b)));

    private static ColumnDefinition Text(ColumnId id, string title, int width, string description, Func<ProcessEntry, string> value) =>
        Column(id, title, width, Left, ProcessFiles.None, false, description, e => TerminalText.Escape(value(e)), (a, b) => Ordinal(value(a), value(b)));

    /// <summary>A rate that is null when its input was not read (no permission, first sample): shown as "-" and sorted lowest.</summary>
    private static ColumnDefinition Rate(
        ColumnId id, string title, int width, ProcessFiles needs, string description, Func<ProcessEntry, double?> value, Func<double, string> format) =>
        Column(id, title, width, Right, needs, true, description,
            e => value(e) is { } v ? format(v) : "-", (a, b) => (value(a) ?? -1).CompareTo(value(b) ?? -1));

    private static string Int(int value) => value.ToString(Invariant);

    private static int Ordinal(string? a, string? b) => string.Compare(a, b, StringComparison.Ordinal);
}
