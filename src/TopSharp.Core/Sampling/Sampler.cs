using System.Collections.ObjectModel;
using System.Diagnostics;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Native;
using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Users;

namespace TopSharp.Core.Sampling;

/// <summary>
/// Reads one <see cref="SystemSnapshot"/> from a <see cref="KernelRoot"/>. Keeps buffers and the
/// (pid, starttime)-keyed string caches between passes; not thread-safe: one pass at a time.
/// </summary>
public sealed class Sampler : IDisposable
{
    /// <summary>USER_HZ and the page size of the captured trees' kernels (x86-64 Linux).</summary>
    private const int CapturedClockTicksPerSecond = 100, CapturedPageSize = 4096;

    private static readonly Lazy<int> LiveClockTicksPerSecond = new(() => (int)LibC.sysconf(LibC._SC_CLK_TCK));

    private readonly KernelFile _file = new();
    private readonly ProcessScanner _processes;
    private readonly UserNameCache _users;

    public Sampler(KernelRoot root) : this(root, KeptProcessFiles.DefaultLimit())
    {
    }

    /// <param name="keptProcesses">How many processes keep their files open between passes (<see cref="KeptProcessFiles"/>).</param>
    internal Sampler(KernelRoot root, int keptProcesses)
    {
        Root = root;
        _processes = new ProcessScanner(root, keptProcesses);
        _users = new UserNameCache(root);
    }

    public KernelRoot Root { get; }

    /// <summary>Entries in the comm/cmdline cache (processes and threads), for tests.</summary>
    internal int CachedNames => _processes.CachedNames;

    /// <summary>Processes whose stat, statm and directory stay open between passes, for tests.</summary>
    internal int KeptProcesses => _processes.KeptProcesses;

    /// <summary>One pass: system files, then every process with the extra files asked for, then the numa_maps asked for.</summary>
    public SystemSnapshot Sample(SampleRequest request)
    {
        ProcessFiles files = request.Files;
        var diagnostics = new List<ParseDiagnostic>();
        long started = Stopwatch.GetTimestamp();
        Uptime? uptime = UptimeReader.Read(Root, _file, diagnostics);
        ProcStat? stat = ProcStatReader.Read(Root, _file, diagnostics);
        LoadAvg? loadAvg = LoadAvgReader.Read(Root, _file, diagnostics);
        Pressure pressure = PressureReader.Read(Root, _file, diagnostics);
        MemInfo? memInfo = MemInfoReader.Read(Root, _file, diagnostics);
        NumaSnapshot? numa = NumaReader.Read(Root, _file, diagnostics);
        KernelMemory? kernelMemory = (files & ProcessFiles.KernelMemory) != 0
            ? KernelMemory.Read(Root, _file, Root.IsLive ? Environment.SystemPageSize : CapturedPageSize, diagnostics)
            : null;
        ProcessSample[] processes = _processes.Scan(files, diagnostics);
        IReadOnlyDictionary<int, string> userNames = _users.Get(_file, diagnostics);
        IReadOnlyDictionary<int, NumaMaps> numaMaps = ReadNumaMaps(request, processes, diagnostics);
        CgroupSnapshot? cgroups = (files & ProcessFiles.CgroupTree) != 0 ? CgroupTreeReader.Read(Root, _file, diagnostics) : null;

        return Root.IsLive
            ? new SystemSnapshot(
                Stopwatch.GetElapsedTime(0, started), LiveClockTicksPerSecond.Value, Environment.SystemPageSize,
                uptime, stat, loadAvg, pressure, memInfo, processes, userNames, diagnostics) { Numa = numa, NumaMaps = numaMaps, Cgroups = cgroups, KernelMemory = kernelMemory }
            : new SystemSnapshot(
                TimeSpan.FromSeconds(uptime?.UptimeSeconds ?? 0), CapturedClockTicksPerSecond, CapturedPageSize,
                uptime, stat, loadAvg, pressure, memInfo, processes, userNames, diagnostics) { Numa = numa, NumaMaps = numaMaps, Cgroups = cgroups, KernelMemory = kernelMemory };
    }

    /// <summary>
    /// numa_maps of the requested processes that this pass found. Read after the scan, so a PID reused in
    /// between would give the newcomer's file: a window of microseconds, against a pid_max cycle.
    /// </summary>
    private IReadOnlyDictionary<int, NumaMaps> ReadNumaMaps(SampleRequest request, ProcessSample[] processes, List<ParseDiagnostic> diagnostics)
    {
        if ((request.Files & ProcessFiles.NumaMaps) == 0 || request.NumaMapsPids.Count == 0) return ReadOnlyDictionary<int, NumaMaps>.Empty;
        var maps = new Dictionary<int, NumaMaps>();
        foreach (ProcessSample p in processes)
            if (request.ReadsNumaMaps(p.Pid) && NumaMapsReader.Read(Root, _file, p.Pid, diagnostics) is { } m)
                maps[p.Pid] = m;
        return maps;
    }

    public void Dispose()
    {
        _processes.Dispose();
        _file.Dispose();
    }
}
