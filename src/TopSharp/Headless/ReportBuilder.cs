using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Cpu;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.Headless;

/// <summary>Builds the <see cref="Report"/> from two snapshots and their rates: pure, no disk.</summary>
internal static class ReportBuilder
{
    /// <param name="numaMaps">With <c>--numa-maps</c>: numa_maps of the newer reading's processes, by PID.</param>
    /// <param name="syscalls">The syscall section (<see cref="HeadlessSyscalls"/>); null: not sampled.</param>
    public static Report Build(
        CommandLineOptions options, SystemSnapshot older, SystemSnapshot newer, SnapshotRates rates,
        IReadOnlyDictionary<int, NumaMaps>? numaMaps = null, SyscallsJson? syscalls = null)
    {
        bool twoReadings = rates.Interval > TimeSpan.Zero;
        return new Report(
            TopsharpVersion: App.Version,
            Root: options.Root.Path,
            IntervalSec: twoReadings ? Math.Round(rates.Interval.TotalSeconds, 6) : null,
            UserHz: newer.ClockTicksPerSecond,
            PageSizeBytes: newer.PageSize,
            UptimeSec: newer.Uptime?.UptimeSeconds,
            CpuTotal: new CpuTotalJson(rates.Total, rates.BusyPctTasks, rates.BusyPctSched),
            Cpus: Cpus(newer.Stat, rates),
            Load: newer.LoadAvg is { } l ? new LoadJson(l.Avg1, l.Avg5, l.Avg15, l.Running, l.Total, l.LastPid) : null,
            Pressure: PressureJson.Between(older.Pressure, newer.Pressure, rates.Interval),
            Memory: newer.MemInfo is { } m ? MemoryJson.From(m) : null,
            Numa: newer.Numa is { } numa ? NumaJson.From(numa, rates.Nodes) : null,
            Processes: Processes(options, newer, rates, numaMaps),
            Syscalls: syscalls ?? SyscallsJson.Unavailable("not sampled"),
            Cgroups: CgroupJson.From(older.Cgroups, newer.Cgroups, rates),
            Diagnostics: Diagnostics(older, newer))
        {
            KernelMemory = KernelMemoryJson.From(newer, rates),
        };
    }

    private static List<CpuJson> Cpus(ProcStat? stat, SnapshotRates rates)
    {
        var cpus = new List<CpuJson>();
        if (stat is null) return cpus;
        foreach (CpuLine line in stat.Cpus)
        {
            CpuPercent? shares = null;
            foreach ((int cpu, CpuPercent percent) in rates.Cpus)
                if (cpu == line.Cpu) shares = percent;
            double? sched = null;
            foreach ((int cpu, double busyPct) in rates.CpusSched)
                if (cpu == line.Cpu) sched = busyPct;
            cpus.Add(new CpuJson(line.Cpu, shares, sched));
        }
        return cpus;
    }

    private static List<ProcessJson> Processes(
        CommandLineOptions options, SystemSnapshot newer, SnapshotRates rates, IReadOnlyDictionary<int, NumaMaps>? numaMaps)
    {
        var processes = new List<ProcessJson>(newer.Processes.Count);
        foreach (ProcessSample p in newer.Processes)
        {
            string? user = newer.UserNames.TryGetValue(p.Uid, out string? name) ? name : null;
            if (!Selected(options, p, user)) continue;
            ProcessRates? r = rates.Processes.TryGetValue(p.Key, out ProcessRates found) ? found : null;
            NumaMaps? maps = numaMaps?.GetValueOrDefault(p.Pid);
            int? cpuNode = newer.Numa?.NodeOfCpu(p.Stat.Processor);
            processes.Add(new ProcessJson(
                Pid: p.Pid, Ppid: p.Stat.Ppid, Comm: p.Comm, Cmdline: p.Cmdline, Uid: p.Uid, User: user,
                State: p.Stat.State.ToString(), Threads: p.Stat.NumThreads, Priority: p.Stat.Priority, Nice: p.Stat.Nice,
                KernelThread: p.IsKernelThread,
                CpuPct: Round.Two(r?.CpuPct), RunDelayPct: Round.Two(r?.RunDelayPct),
                CtxtSwitchesPerSec: Round.Two(r?.CtxtSwitchesPerSec),
                ReadBytesPerSec: Round.Two(r?.ReadBytesPerSec), WriteBytesPerSec: Round.Two(r?.WriteBytesPerSec),
                RssBytes: p.Statm.Resident * (ulong)newer.PageSize, VsizeBytes: p.Stat.VsizeBytes,
                Cgroup: p.Cgroup?.DisplayPath, CpusAllowed: p.Status?.CpusAllowedList, MemsAllowed: p.Status?.MemsAllowedList,
                LastCpu: p.Stat.Processor, StartTime: p.Stat.Starttime,
                NumaBytesByNode: maps?.BytesByNode.ToDictionary(n => n.Node, n => n.Bytes),
                NumaMainNode: maps?.MainNode,
                NumaRemotePct: cpuNode is int node ? Round.Two(maps?.RemotePct(node)) : null));
        }
        processes.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        return processes;
    }

    /// <summary><c>--pid</c> and <c>--user</c> (a name, or a numeric uid).</summary>
    internal static bool Selected(CommandLineOptions options, in ProcessSample p, string? user) =>
        (options.Pids.Count == 0 || options.Pids.Contains(p.Pid))
        && (options.User is null || options.User == user || options.User == p.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Both readings' diagnostics, each once.</summary>
    private static List<DiagnosticJson> Diagnostics(SystemSnapshot older, SystemSnapshot newer)
    {
        var seen = new HashSet<ParseDiagnostic>();
        var list = new List<DiagnosticJson>();
        foreach (ParseDiagnostic d in older.Diagnostics.Concat(newer.Diagnostics))
            if (seen.Add(d)) list.Add(new DiagnosticJson(d.Source, d.Path, d.Line, d.Reason));
        return list;
    }
}
