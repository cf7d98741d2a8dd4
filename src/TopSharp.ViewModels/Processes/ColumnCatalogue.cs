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
        Integer(ColumnId.Pid, "PID", 7, false, "process (or thread) ID", e => e.Pid),
        Text(ColumnId.User, "USER", 9, ProcessFiles.None, "user name of the real uid", e => e.User),
        Numeric(ColumnId.Priority, "PRI", 3, Right, ProcessFiles.None, true, "kernel priority (RT for real-time)",
            e => e.Sample.Stat.Priority <= -100 ? "RT" : Int(e.Sample.Stat.Priority), e => e.Sample.Stat.Priority),
        Integer(ColumnId.Nice, "NI", 3, true, "nice value", e => e.Sample.Stat.Nice),
        Numeric(ColumnId.Virt, "VIRT", 5, Right, ProcessFiles.None, true, "virtual memory size", e => Units.Memory(e.VirtBytes), e => e.VirtBytes),
        Numeric(ColumnId.Res, "RES", 5, Right, ProcessFiles.None, true, "resident set size", e => Units.Memory(e.ResBytes), e => e.ResBytes),
        Numeric(ColumnId.Shr, "SHR", 5, Right, ProcessFiles.None, true, "resident shared pages (file and shmem)", e => Units.Memory(e.ShrBytes), e => e.ShrBytes),
        Numeric(ColumnId.State, "S", 1, Left, ProcessFiles.None, false, "state (R running, S sleeping, D disk wait, Z zombie, …)",
            e => StateText(e.Sample.Stat.State), e => e.Sample.Stat.State),
        Numeric(ColumnId.CpuPercent, "CPU%", 5, Right, ProcessFiles.None, true, "CPU use since the last refresh; 100 is one CPU",
            e => Units.Percent(e.CpuPct), e => e.CpuPct),
        Numeric(ColumnId.MemPercent, "MEM%", 5, Right, ProcessFiles.None, true, "resident memory as a share of MemTotal",
            e => Units.Percent(e.MemPct), e => e.MemPct),
        Numeric(ColumnId.Time, "TIME+", 9, Right, ProcessFiles.None, true, "user + system CPU time",
            e => Units.CpuTime(e.CpuTicks, e.Units.ClockTicksPerSecond), e => e.CpuTicks),
        Text(ColumnId.Command, "Command", 0, ProcessFiles.None, "command line; comm for threads, kernel threads and zombies", e => e.CommandLine),
        Integer(ColumnId.Ppid, "PPID", 7, false, "parent process ID", e => e.Sample.Stat.Ppid),
        Integer(ColumnId.Threads, "THR", 4, true, "number of threads", e => e.Sample.Stat.NumThreads),
        Rate(ColumnId.RunqPercent, "RUNQ%", 6, ProcessFiles.SchedStat, "time waiting on a run queue (schedstat run_delay), % of the interval",
            e => e.Rates?.RunDelayPct, Units.Percent),
        Integer(ColumnId.Processor, "CPU", 3, false, "CPU the task last ran on", e => e.Sample.Stat.Processor),
        Text(ColumnId.Cgroup, "CGROUP", 30, ProcessFiles.Cgroup, "cgroup path (v2, else the first v1 hierarchy)", e => e.Sample.Cgroup?.DisplayPath),
        Text(ColumnId.Cpus, "CPUS", 10, ProcessFiles.Status, "Cpus_allowed_list: CPUs the task may run on", e => e.Sample.Status?.CpusAllowedList),
        Rate(ColumnId.IoReadRate, "IO_R/s", 7, ProcessFiles.Io, "bytes read from storage per second (io read_bytes)",
            e => e.Rates?.ReadBytesPerSec, Units.ByteRate),
        Rate(ColumnId.IoWriteRate, "IO_W/s", 7, ProcessFiles.Io, "bytes written to storage per second (io write_bytes)",
            e => e.Rates?.WriteBytesPerSec, Units.ByteRate),
        Rate(ColumnId.CtxSwitchRate, "CTXSW/s", 7, ProcessFiles.Status, "voluntary + involuntary context switches per second",
            e => e.Rates?.CtxtSwitchesPerSec, Units.CountRate),
        Numeric(ColumnId.NumaNode, "NODE", 4, Right, ProcessFiles.NumaMaps, false, "NUMA node holding most of the resident memory (numa_maps; rows on screen only)",
            e => e.MainNode is int node ? Int(node) : "-", e => e.MainNode ?? -1),
        Rate(ColumnId.RemotePercent, "REMOTE%", 7, ProcessFiles.NumaMaps, "resident memory on nodes other than the last CPU's node (numa_maps; rows on screen only)",
            e => e.RemotePct, Units.Percent),
        Rate(ColumnId.SyscallRate, "SYSC/s", 7, ProcessFiles.None, "syscalls per second (eBPF syscall tracer; needs root or CAP_BPF + CAP_PERFMON)",
            e => e.SyscallsPerSec, Units.CountRate),
        Rate(ColumnId.SyscallErrorRate, "SYSERR/s", 8, ProcessFiles.None, "failed syscalls (negative return) per second (eBPF syscall tracer)",
            e => e.SyscallErrorsPerSec, Units.CountRate),
        Text(ColumnId.Mems, "MEMS", 8, ProcessFiles.Status, "Mems_allowed_list: memory nodes the task may allocate on", e => e.Sample.Status?.MemsAllowedList),
    ];

    public static ColumnDefinition Get(ColumnId id) => All[(int)id];

    /// <summary>The files the sampler must read for these columns.</summary>
    public static ProcessFiles Needs(IEnumerable<ColumnId> columns) =>
        columns.Aggregate(ProcessFiles.None, (files, id) => files | Get(id).Needs);

    private static ColumnDefinition Numeric(
        ColumnId id, string title, int width, ColumnAlignment align, ProcessFiles needs, bool descending, string description,
        Func<ProcessEntry, string> format, Func<ProcessEntry, double> key) =>
        new(id, title, width, align, needs, descending, description, format, e => key(e));

    private static ColumnDefinition Integer(ColumnId id, string title, int width, bool descending, string description, Func<ProcessEntry, int> value) =>
        Numeric(id, title, width, Right, ProcessFiles.None, descending, description, e => Int(value(e)), e => value(e));

    /// <summary>Untrusted text, escaped; "-" when its file was not read.</summary>
    private static ColumnDefinition Text(ColumnId id, string title, int width, ProcessFiles needs, string description, Func<ProcessEntry, string?> value) =>
        new(id, title, width, Left, needs, false, description,
            e => value(e) is { } text ? TerminalText.Escape(text) : "-", e => value(e) is { } text ? new SortValue(0, text) : new SortValue(-1, ""));

    /// <summary>A rate that is null when its input was not read (no permission, first sample): shown as "-" and sorted lowest.</summary>
    private static ColumnDefinition Rate(
        ColumnId id, string title, int width, ProcessFiles needs, string description, Func<ProcessEntry, double?> value, Func<double, string> format) =>
        Numeric(id, title, width, Right, needs, true, description, e => value(e) is { } v ? format(v) : "-", e => value(e) ?? -1);

    /// <summary>One cached string per state letter.</summary>
    private static string StateText(char state) => state < StateTexts.Length ? StateTexts[state] : state.ToString();

    private static readonly string[] StateTexts = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static string Int(int value) => value.ToString(Invariant);
}
