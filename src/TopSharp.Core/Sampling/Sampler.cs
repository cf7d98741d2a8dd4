using System.Diagnostics;
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
public sealed class Sampler(KernelRoot root) : IDisposable
{
    /// <summary>USER_HZ and the page size of the captured trees' kernels (x86-64 Linux).</summary>
    private const int CapturedClockTicksPerSecond = 100, CapturedPageSize = 4096;

    private static readonly Lazy<int> LiveClockTicksPerSecond = new(() => (int)LibC.sysconf(LibC._SC_CLK_TCK));

    private readonly KernelFile _file = new();
    private readonly ProcessScanner _processes = new(root);
    private readonly UserNameCache _users = new(root);

    public KernelRoot Root { get; } = root;

    /// <summary>Entries in the comm/cmdline cache (processes and threads), for tests.</summary>
    internal int CachedNames => _processes.CachedNames;

    /// <summary>One pass: system files, then every process with the extra files asked for.</summary>
    public SystemSnapshot Sample(ProcessFiles files)
    {
        var diagnostics = new List<ParseDiagnostic>();
        long started = Stopwatch.GetTimestamp();
        Uptime? uptime = UptimeReader.Read(Root, _file, diagnostics);
        ProcStat? stat = ProcStatReader.Read(Root, _file, diagnostics);
        LoadAvg? loadAvg = LoadAvgReader.Read(Root, _file, diagnostics);
        Pressure pressure = PressureReader.Read(Root, _file, diagnostics);
        MemInfo? memInfo = MemInfoReader.Read(Root, _file, diagnostics);
        NumaSnapshot? numa = NumaReader.Read(Root, _file, diagnostics);
        KernelMemory kernelMemory = KernelMemory.Read(Root, _file, Root.IsLive ? Environment.SystemPageSize : CapturedPageSize, diagnostics);
        ProcessSample[] processes = _processes.Scan(files, diagnostics);
        IReadOnlyDictionary<int, string> userNames = _users.Get(_file, diagnostics);

        return Root.IsLive
            ? new SystemSnapshot(
                Stopwatch.GetElapsedTime(0, started), LiveClockTicksPerSecond.Value, Environment.SystemPageSize,
                uptime, stat, loadAvg, pressure, memInfo, processes, userNames, diagnostics) { Numa = numa, KernelMemory = kernelMemory }
            : new SystemSnapshot(
                TimeSpan.FromSeconds(uptime?.UptimeSeconds ?? 0), CapturedClockTicksPerSecond, CapturedPageSize,
                uptime, stat, loadAvg, pressure, memInfo, processes, userNames, diagnostics) { Numa = numa, KernelMemory = kernelMemory };
    }

    public void Dispose()
    {
        _processes.Dispose();
        _file.Dispose();
    }
}
