using System.Globalization;
using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// The syscall pane's view model. The tracer is opened the first time the pane is shown, attached only
/// while it is visible (every syscall on the machine pays while attached) and detached when it is hidden;
/// on each sample while attached it drains the kernel counters and rates the interval.
/// </summary>
public sealed partial class SyscallsViewModel : IDisposable
{
    public const int SystemRows = 12;
    public const int ProcessRows = 10;

    private readonly Func<(ISyscallTracer? Tracer, string Reason)> _open;
    private readonly ReactiveProperty<SyscallsState> _state = new(SyscallsState.Waiting);
    private readonly IDisposable _subscriptions;
    private readonly Lock _lock = new();
    private ISyscallTracer? _tracer;
    private string? _failure;
    private SyscallSnapshot? _previous;
    private ProcessKey? _selected;
    /// <summary>The last interval: its two tracer snapshots and the process sample at its end.</summary>
    private (SyscallSnapshot Older, SyscallSnapshot Newer, Sample Sample)? _interval;

    /// <param name="open">Opens the tracer, or says in words why it cannot (no privileges, no BPF, --no-bpf).</param>
    /// <param name="cgroup">The cgroup the process table is filtered to (null: none); the upper table follows it (see <see cref="ToggleScope"/>).</param>
    public SyscallsViewModel(Observable<Sample> samples, Observable<ProcessKey?> selected, Observable<bool> visible,
        Func<(ISyscallTracer? Tracer, string Reason)> open, Observable<CgroupKey?>? cgroup = null)
    {
        _open = open;
        _subscriptions = Disposable.Combine(
            visible.DistinctUntilChanged().Subscribe(SetVisible),
            selected.Subscribe(k => { lock (_lock) _selected = k; }),
            (cgroup ?? Observable.Return<CgroupKey?>(null)).DistinctUntilChanged().Subscribe(FollowCgroup),
            samples.Subscribe(OnSample));
    }

    public ReadOnlyReactiveProperty<SyscallsState> State => _state;

    /// <summary>The pane's latency key: times syscalls (p50/p99; a sample of a flood) or stops timing.</summary>
    public void ToggleLatency()
    {
        lock (_lock)
        {
            if (_tracer is null) return;
            _tracer.Latency = !_tracer.Latency;
            _state.Value = _state.Value with { Latency = _tracer.Latency };
        }
    }

    private void SetVisible(bool visible)
    {
        lock (_lock)
        {
            if (!visible)
            {
                _tracer?.Detach();
                _interval = null;   // nothing to re-rate until an interval of the next showing
                return;
            }
            if (_tracer is null && _failure is null)
            {
                (_tracer, string reason) = _open();
                if (_tracer is null) _failure = reason;
            }
            if (_tracer is null)
            {
                _state.Value = Unavailable(_failure!);
                return;
            }
            try
            {
                _tracer.Attach();
                _previous = _tracer.Sample(); // start the interval now: nothing counted while hidden
            }
            catch (TopSharp.Bpf.BpfException e)
            {
                _state.Value = Unavailable(e.Message);
            }
        }
    }

    private void OnSample(Sample sample)
    {
        lock (_lock)
        {
            if (_tracer is not { IsAttached: true } tracer || _previous is null) return;
            SyscallSnapshot now = tracer.Sample();
            _interval = (_previous, now, sample);
            _previous = now;
            Publish();
        }
    }

    /// <summary>Rates the last interval into the pane's state, for the scope chosen now. Caller holds the lock.</summary>
    private void Publish()
    {
        if (_interval is not { } i || _tracer is null) return;
        SyscallRates rates = SyscallRates.Between(i.Older, i.Newer, ProcessRows);
        SyscallsState state = Build(rates, _selected, i.Sample.Snapshot.Processes, _tracer.Latency);
        _state.Value = _cgroup is not { } group ? state
            : _machineWide ? state with { Cgroup = CgroupSyscallScope.Name(group) }
            : Scoped(state, group, i.Older, i.Newer, i.Sample);
    }

    /// <summary>The pure mapping from one interval's rates to the pane's rows.</summary>
    public static SyscallsState Build(SyscallRates rates, ProcessKey? selected, IReadOnlyList<ProcessSample> processes, bool latency)
    {
        var system = rates.BySyscall.Take(SystemRows).Select(Row).ToList();
        string title = "no process selected";
        List<SyscallRow> mine = [];
        if (selected is { } key)
        {
            string comm = processes.FirstOrDefault(p => p.Key == key).Comm ?? "";
            ProcessSyscallRates? p = rates.ByProcess.FirstOrDefault(r => r.Pid == key.Pid);
            title = $"PID {key.Pid} {TerminalText.Escape(comm)}: " + (p is null ? "no syscalls in the interval"
                : $"{Units.CountRate(p.PerSec)} calls/s, {Units.CountRate(p.ErrorsPerSec)} errors/s");
            mine = p?.Top.Select(Row).ToList() ?? [];
        }
        return new SyscallsState(null, null, latency, system, title, mine);
    }

    internal static SyscallsState Unavailable(string reason)
    {
        bool privileges = reason.StartsWith("not privileged", StringComparison.Ordinal);
        string? hint = privileges ? $"grant them with: sudo setcap cap_bpf,cap_perfmon+ep {GrantTarget()}" : null;
        return new SyscallsState(reason, hint, false, [], "", []);
    }

    /// <summary>The binary to setcap: this one, unless it is the shared dotnet host (never setcap that).</summary>
    private static string GrantTarget()
    {
        string? path = Environment.ProcessPath;
        return path is null || Path.GetFileName(path) == "dotnet" ? "<the topsharp binary (apphost or NativeAOT), not dotnet>" : TerminalText.Escape(path);
    }

    private static SyscallRow Row(SyscallRate r) =>
        new(r.Name, Units.CountRate(r.PerSec), Units.CountRate(r.ErrorsPerSec), Duration(r.P50Ns), Duration(r.P99Ns));

    /// <summary>"850ns", "12.3µs", "4.5ms", "1.20s"; "-" when not timed.</summary>
    public static string Duration(double? ns) => ns switch
    {
        null => "-",
        < 1_000 => ns.Value.ToString("0", CultureInfo.InvariantCulture) + "ns",
        < 1_000_000 => (ns.Value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "µs",
        < 1_000_000_000 => (ns.Value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "ms",
        _ => (ns.Value / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + "s",
    };

    public void Dispose()
    {
        _subscriptions.Dispose();
        lock (_lock)
        {
            _tracer?.Dispose();
            _tracer = null;
        }
        _state.Dispose();
    }
}
