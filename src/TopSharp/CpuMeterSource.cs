using TopSharp.Bpf;
using TopSharp.Bpf.Sched;
using TopSharp.Cli;
using TopSharp.Core.Sampling;

namespace TopSharp;

/// <summary>
/// Where the CPU meters' busy totals come from, chosen once at start: the sched_switch program when it
/// can be attached (live machine, root or CAP_BPF + CAP_PERFMON, no <c>--no-bpf</c>), else /proc/stat's
/// ticks, silently but for <see cref="Note"/> on the help screen.
/// </summary>
internal sealed class CpuMeterSource : IDisposable
{
    private readonly SchedSwitchProbe? _probe;

    private CpuMeterSource(SchedSwitchProbe? probe, string note)
    {
        _probe = probe;
        Note = note;
    }

    /// <summary>One line for the help screen: which source, and how to get the exact one when it is not in use.</summary>
    public string Note { get; }

    public bool IsSched => _probe is not null;

    public static CpuMeterSource Choose(CommandLineOptions options)
    {
        if (options.NoBpf) return Ticks("--no-bpf");
        if (!options.Root.IsLive) return Ticks("a captured tree");
        try
        {
            return new CpuMeterSource(SchedSwitchProbe.Attach(),
                "CPU meters: busy time measured at every context switch (eBPF sched_switch); the user/system/irq split is /proc/stat's, scaled to it");
        }
        catch (BpfException e) when (e.Failure == BpfFailure.NotPrivileged)
        {
            return Ticks($"exact busy time needs root or CAP_BPF + CAP_PERFMON: setcap cap_bpf,cap_perfmon+ep {Environment.ProcessPath ?? "topsharp"}");
        }
        catch (Exception e) when (e is BpfException or IOException or UnauthorizedAccessException)
        {
            return Ticks($"the sched_switch program: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The snapshot with the program's reading, taken now; unchanged without the program.</summary>
    public SystemSnapshot AddReading(SystemSnapshot snapshot) =>
        _probe?.Read() is { } reading ? snapshot with { SchedBusy = reading } : snapshot;

    public void Dispose() => _probe?.Dispose();

    private static CpuMeterSource Ticks(string why) =>
        new(null, $"CPU meters: /proc/stat's tick samples, which work between ticks evades ({why})");
}
