using TopSharp.Bpf.Syscalls;
using TopSharp.Cli;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Sampling;

namespace TopSharp.Headless;

/// <summary>
/// The syscall tracer for one <c>--once</c> run: attached for the interval between the two readings,
/// detached and closed on Dispose. Any failure to load becomes the report's <c>reason</c>.
/// </summary>
internal sealed class HeadlessSyscalls : IDisposable
{
    private readonly SyscallTracer? _tracer;
    private readonly string _reason;
    private SyscallSnapshot? _older, _newer;

    private HeadlessSyscalls(SyscallTracer? tracer, string reason)
    {
        _tracer = tracer;
        _reason = reason;
    }

    public static HeadlessSyscalls Start(CommandLineOptions options)
    {
        if (options.NoBpf) return new(null, "turned off by --no-bpf");
        if (!options.Root.IsLive || options.Root.CapturedPair() is not null)
            return new(null, "not the live machine: syscalls are counted only live");
        if (!SyscallTracer.TryOpen(out SyscallTracer? tracer, out string reason)) return new(null, reason);
        try
        {
            tracer!.Latency = options.SyscallLatency;
            tracer.Attach();
            return new(tracer, "");
        }
        catch (TopSharp.Bpf.BpfException e)
        {
            tracer!.Dispose();
            return new(null, e.Message);
        }
    }

    /// <summary>Drains the counters: the first call starts the interval, the second ends it.</summary>
    public void Sample()
    {
        if (_tracer is null) return;
        (_older, _newer) = (_newer, _tracer.Sample());
    }

    /// <param name="cgroup"><c>--cgroup</c>: adds <c>by_cgroup</c>, members judged by the readings' /proc/PID/cgroup.</param>
    public SyscallsJson Report(Func<int, bool> selected, CgroupKey? cgroup, SystemSnapshot older, SystemSnapshot newer)
    {
        if (_tracer is null) return SyscallsJson.Unavailable(_reason);
        if (_older is null || _newer is null) return SyscallsJson.Unavailable("only one reading");
        SyscallsJson json = SyscallsJson.From(SyscallRates.Between(_older, _newer), _tracer.Latency, selected);
        return cgroup is { } group ? json with
            {
                ByCgroup = CgroupSyscallsJson.From(group, newer.Cgroups?.Find(group.Hierarchy, group.Path) is not null,
                    _older, _newer, older.Processes, newer.Processes),
            } : json;
    }

    public void Dispose() => _tracer?.Dispose();
}
