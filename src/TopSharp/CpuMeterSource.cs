using TopSharp.Bpf;
using TopSharp.Bpf.Sched;
using TopSharp.Cli;
using TopSharp.Core.Sampling;

namespace TopSharp;

/// <summary>
/// Where the CPU meters' busy totals come from: the sched_switch program when it can be attached (live
/// machine, root or CAP_BPF + CAP_PERFMON, no <c>--no-bpf</c>), else /proc/stat's ticks, silently but
/// for <see cref="Note"/> on the help screen. <see cref="Attach"/> parses the kernel's BTF, which takes a
/// noticeable moment: call it off the UI thread, before the first reading (else that reading attaches).
/// </summary>
internal sealed class CpuMeterSource(CommandLineOptions options) : IDisposable
{
    private readonly object _gate = new();
    private SchedSwitchProbe? _probe;
    private bool _chosen, _disposed;
    private volatile string _note = "CPU meters: /proc/stat's tick samples until the sched_switch program is attached";

    /// <summary>One line for the help screen: which source, and how to get the exact one when it is not in use.</summary>
    public string Note => _note;

    /// <summary>The snapshot with the program's reading, taken now (attaching it the first time); unchanged without it.</summary>
    public SystemSnapshot AddReading(SystemSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_disposed) return snapshot;
            Attach();
            return _probe?.Read() is { } reading ? snapshot with { SchedBusy = reading } : snapshot;
        }
    }

    /// <summary>
    /// Attaches now if it can (once; later calls do nothing): before a first reading that is timed, so that
    /// the time the attach takes does not stretch the interval (<c>--once</c>).
    /// </summary>
    public void Attach()
    {
        lock (_gate)
        {
            if (!_chosen && !_disposed) Choose();
        }
    }

    private void Choose()
    {
        _chosen = true;
        if (options.NoBpf) Ticks("--no-bpf");
        else if (!options.Root.IsLive) Ticks("a captured tree");
        else
        {
            try
            {
                _probe = SchedSwitchProbe.Attach();
                _note = "CPU meters: busy time measured at every context switch (eBPF sched_switch); the user/system/irq split is /proc/stat's, scaled to it";
            }
            catch (BpfException e) when (e.Failure == BpfFailure.NotPrivileged)
            {
                Ticks($"exact busy time needs root or CAP_BPF + CAP_PERFMON: setcap cap_bpf,cap_perfmon+ep {Environment.ProcessPath ?? "topsharp"}");
            }
            catch (Exception e) when (e is BpfException or IOException or UnauthorizedAccessException)
            {
                Ticks($"the sched_switch program: {e.Message.Split('\n')[0]}");
            }
        }
    }

    private void Ticks(string why) => _note = $"CPU meters: /proc/stat's tick samples, which work between ticks evades ({why})";

    /// <summary>Detaches; a reading still to come returns its snapshot unchanged.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _probe?.Dispose();
            _probe = null;
        }
    }
}
