using System.Globalization;
using R3;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Header;

/// <summary>Turns each sample into the header's <see cref="HeaderState"/>: meters, bars, load, PSI, tasks, uptime.</summary>
public sealed class HeaderViewModel : IDisposable
{
    /// <summary>How many points /proc/stat busy and the tasks' accounting may differ before the header says so.</summary>
    public const double DisagreementPoints = 5;

    private readonly ReactiveProperty<HeaderState> _state = new(HeaderState.Empty);
    private readonly IDisposable _subscription;

    public HeaderViewModel(Observable<Sample> samples) =>
        _subscription = samples.Subscribe(s => _state.Value = Build(s));

    public ReadOnlyReactiveProperty<HeaderState> State => _state;

    /// <summary>The pure mapping, also used by headless modes.</summary>
    public static HeaderState Build(Sample sample)
    {
        SystemSnapshot snap = sample.Snapshot;
        SnapshotRates? rates = sample.Rates;
        return new HeaderState(
            rates is null ? [] : [.. rates.Cpus.Select(c => Meter(c.Cpu, c.Cpu.ToString(CultureInfo.InvariantCulture), SchedShares.ForCpu(rates, c.Cpu, c.Percent)))],
            rates?.Total is { } total ? Meter(-1, "Avg", rates.BusyPctSched is { } sched ? SchedShares.WithBusy(total, sched) : total) : null,
            snap.MemInfo is { } mem ? MemoryOf(mem) : null,
            snap.MemInfo is { } m2 ? SwapOf(m2) : null,
            snap.LoadAvg is { } load ? LoadOf(load) : null,
            PressureOf(snap.Pressure),
            TasksOf(snap),
            snap.Uptime is { } up ? Units.Uptime(TimeSpan.FromSeconds(up.UptimeSeconds)) : null,
            Disagreement(rates));
    }

    private static CpuMeter Meter(int cpu, string label, CpuPercent p) =>
        new(cpu, label, p.User, p.Nice, p.System, p.Irq, p.Softirq, p.Steal, p.Iowait, p.Busy, Units.Percent(p.Busy) + "%");

    private static MemoryBar MemoryOf(MemInfo m)
    {
        ulong total = m.MemTotalBytes;
        // htop's accounting: cache = Cached + SReclaimable − Shmem; used = total − free − buffers − cache − shmem.
        ulong cacheAll = m.CachedBytes + m.SReclaimableBytes;
        ulong shmem = Math.Min(m.ShmemBytes, cacheAll);
        ulong cache = cacheAll - shmem;
        ulong used = Sub(Sub(Sub(Sub(total, m.MemFreeBytes), m.BuffersBytes), cache), shmem);
        return new MemoryBar(total, used, m.BuffersBytes, shmem, cache, $"{Units.Bytes(total - m.MemAvailableBytes)}/{Units.Bytes(total)}");
    }

    private static SwapBar SwapOf(MemInfo m)
    {
        ulong used = Sub(m.SwapTotalBytes, m.SwapFreeBytes);
        return new SwapBar(m.SwapTotalBytes, used, $"{Units.Bytes(used)}/{Units.Bytes(m.SwapTotalBytes)}");
    }

    private static LoadAverage LoadOf(LoadAvg l) =>
        new(l.Avg1, l.Avg5, l.Avg15, string.Create(CultureInfo.InvariantCulture, $"{l.Avg1:0.00} {l.Avg5:0.00} {l.Avg15:0.00}"));

    private static PressureSummary PressureOf(Pressure p)
    {
        double? cpu = p.Cpu?.Some.Avg10, mem = p.Memory?.Some.Avg10, io = p.Io?.Some.Avg10;
        var parts = new List<string>(3);
        if (cpu is { } c) parts.Add($"cpu {Units.Percent(c)}%");
        if (mem is { } m) parts.Add($"mem {Units.Percent(m)}%");
        if (io is { } i) parts.Add($"io {Units.Percent(i)}%");
        return new PressureSummary(cpu, mem, io, parts.Count == 0 ? "" : "PSI some avg10: " + string.Join(" ", parts));
    }

    private static TaskCounts TasksOf(SystemSnapshot snap)
    {
        int tasks = 0, threads = 0, kernel = 0;
        foreach (ProcessSample p in snap.Processes)
        {
            if (p.IsKernelThread) kernel++;
            else
            {
                tasks++;
                threads += Math.Max(p.Stat.NumThreads, 1);
            }
        }
        int running = snap.Stat?.ProcsRunning ?? snap.LoadAvg?.Running ?? 0;
        return new TaskCounts(tasks, threads, kernel, running, $"Tasks: {tasks}, {threads} thr, {kernel} kthr; {running} running");
    }

    /// <summary>
    /// "tick sampling under-reports: /proc/stat 12% busy, tasks' own accounting 35%", or null. The
    /// sched_switch program's figure, when attached, is the one compared: "…, sched_switch 35%".
    /// </summary>
    public static string? Disagreement(SnapshotRates? rates)
    {
        if (rates?.Total is not { } total) return null;
        (double? measured, string by) = rates.BusyPctSched is { } sched ? (sched, "sched_switch") : (rates.BusyPctTasks, "tasks' own accounting");
        if (measured is not { } exact) return null;
        double diff = exact - total.Busy;
        if (Math.Abs(diff) <= DisagreementPoints) return null;
        string verb = diff > 0 ? "under-reports" : "over-reports";
        return $"tick sampling {verb}: /proc/stat {total.Busy:0}% busy, {by} {exact:0}%";
    }

    private static ulong Sub(ulong a, ulong b) => a > b ? a - b : 0;

    public void Dispose()
    {
        _subscription.Dispose();
        _state.Dispose();
    }
}
