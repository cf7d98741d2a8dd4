using TopSharp.Core;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.ViewModels.Tests.Support;

/// <summary>Hand-built snapshots: USER_HZ 100, 4 KiB pages, 8 GiB of memory.</summary>
internal static class Snapshots
{
    public const ulong MemTotalBytes = 8UL << 30;

    public static ProcessSample Proc(
        int pid, int ppid = 1, string comm = "proc", string? cmdline = null, ulong starttime = 1000, ulong ticks = 0,
        int uid = 0, ulong residentPages = 256, int nice = 0, char state = 'S', int numThreads = 1,
        IReadOnlyList<ThreadSample>? threads = null)
    {
        var stat = new PidStat(pid, state, ppid, 0, 0, 0, ticks, 0, 0, 0, 20 + nice, nice, numThreads, starttime,
            1024 * 4096, residentPages, 0, 0, 0, null);
        return new ProcessSample(stat, comm, cmdline ?? $"/usr/bin/{comm}", uid, new PidStatm(1024, residentPages, 64, 0, 0),
            null, null, null, null, threads);
    }

    public static ThreadSample Thread(ProcessSample owner, int tid, string comm, ulong ticks = 0) =>
        new(tid, comm, owner.Stat with { Pid = tid, Utime = ticks, Starttime = owner.Stat.Starttime + 1 }, null);

    public static SystemSnapshot Snap(double seconds, params ProcessSample[] processes) =>
        Snap(seconds, processes, []);

    public static SystemSnapshot Snap(double seconds, IReadOnlyList<ProcessSample> processes, IReadOnlyList<ParseDiagnostic> diagnostics) =>
        new(TimeSpan.FromSeconds(seconds), 100, 4096, new Uptime(seconds + 100_000, 0), null, new LoadAvg(0.5, 0.25, 0.15, 1, 100, 999),
            new Pressure(null, null, null), Mem(), processes,
            new Dictionary<int, string> { [0] = "root", [1000] = "alice" }, diagnostics);

    public static MemInfo Mem() => new([
        new("MemTotal", MemTotalBytes, true),
        new("MemFree", 2UL << 30, true),
        new("MemAvailable", 5UL << 30, true),
        new("Buffers", 256UL << 20, true),
        new("Cached", 2UL << 30, true),
        new("Shmem", 512UL << 20, true),
        new("SReclaimable", 256UL << 20, true),
        new("SwapTotal", 1UL << 30, true),
        new("SwapFree", 768UL << 20, true),
    ]);
}
