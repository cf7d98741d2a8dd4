using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Header;
using TopSharp.ViewModels.Layout;
using TopSharp.Core.Cgroups;
using TopSharp.ViewModels.Cgroups;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Status;
using TopSharp.ViewModels.Syscalls;

namespace TopSharp.ViewModels;

/// <summary>
/// The whole frame's view models, wired together: the sampler loop feeds the header, the process
/// table and the status line; the table's visible columns (and, for numa_maps, its rows on screen) decide which files the loop reads;
/// messages from every part reach the status line; and config.json is saved a second after a
/// change and on <see cref="Dispose"/> (quit).
/// </summary>
public sealed class DashboardViewModel : IDisposable
{
    /// <summary>How long after the last change the config is written.</summary>
    public static TimeSpan SaveDelay { get; } = TimeSpan.FromSeconds(1);

    private readonly ConfigStore _store;
    private readonly ReactiveProperty<string> _theme;
    private DisposableBag _bag;
    private ProcessKey? _pendingProcess;
    private bool _disposed;

    /// <param name="loop">Built by the caller with <c>config.Config.Delay</c>; owned (disposed) by this.</param>
    /// <param name="panes">The panes this build offers, in tab order; default: Processes only.</param>
    /// <param name="openSyscalls">Opens the syscall tracer shared by the syscall pane and the SYSC/s columns, or says why not; default: none.</param>
    public DashboardViewModel(
        SamplerLoop loop, ConfigStore store, ConfigLoad config, TimeProvider time, IProcessControl control,
        IReadOnlyList<PaneId>? panes = null, Func<(ISyscallTracer? Tracer, string Reason)>? openSyscalls = null)
    {
        _store = store;
        Sampler = loop;
        _theme = new ReactiveProperty<string>(config.Config.Theme);
        Header = new HeaderViewModel(loop.Samples);
        SyscallTracer = new SharedSyscallTracer(openSyscalls ?? (() => (null, "no syscall tracer in this mode")));
        Processes = new ProcessTableViewModel(loop.Samples, time, control, config.Config.Processes, SyscallTracer.Lease);
        Layout = new LayoutViewModel(panes ?? [PaneId.Processes], config.Config.Layout);
        Status = new StatusViewModel(loop.Samples, time);
        Cgroups = new CgroupTreeViewModel(loop.Samples);
        Cgroups.State.Where(_ => _pendingProcess is not null).Subscribe(_ => ResolvePendingProcess()).AddTo(ref _bag);

        // The NUMA pane shows the selected process's Mems_allowed_list, from status.
        // The cgroup pane reads the cgroup tree, and every /proc/PID/cgroup (for the g key), only while shown;
        // the memory pane reads vmstat, buddyinfo and slabinfo only while shown.
        Processes.RequiredFiles.CombineLatest(Layout.State, (files, layout) =>
                (ShowsNuma(layout) ? files | ProcessFiles.Status : files)
                | (Shows(layout, PaneId.Cgroups) ? ProcessFiles.CgroupTree | ProcessFiles.Cgroup : ProcessFiles.None)
                | (Shows(layout, PaneId.Memory) ? ProcessFiles.KernelMemory : ProcessFiles.None))
            .DistinctUntilChanged()
            .Subscribe(loop.SetFiles)
            .AddTo(ref _bag);
        Processes.NumaMapsPids.Subscribe(loop.SetNumaMapsPids).AddTo(ref _bag);
        Status.Listen(loop.Errors, StatusLevel.Warning).AddTo(ref _bag);
        Status.Listen(Processes.Messages, StatusLevel.Info).AddTo(ref _bag);
        Status.Listen(Layout.Messages, StatusLevel.Info).AddTo(ref _bag);
        if (config.Message is { } message) Status.Post(message, StatusLevel.Warning);

        Observable.Merge(
                Processes.Settings.Skip(1).AsUnitObservable(),
                Layout.State.Skip(1).AsUnitObservable(),
                loop.Delay.Skip(1).AsUnitObservable(),
                _theme.Skip(1).AsUnitObservable())
            .Debounce(SaveDelay, time)
            .Subscribe(_ => Save())
            .AddTo(ref _bag);
    }

    public SamplerLoop Sampler { get; }
    public HeaderViewModel Header { get; }
    public ProcessTableViewModel Processes { get; }
    public LayoutViewModel Layout { get; }
    public StatusViewModel Status { get; }
    public CgroupTreeViewModel Cgroups { get; }

    /// <summary>The one syscall tracer: attached while the syscall pane or a SYSC/s column needs it.</summary>
    public SharedSyscallTracer SyscallTracer { get; }

    /// <summary>The theme name the view applies; persisted.</summary>
    public ReadOnlyReactiveProperty<string> Theme => _theme;

    public void SetTheme(string name) => _theme.Value = name;

    private static bool ShowsNuma(LayoutState layout) => Shows(layout, PaneId.Numa);

    private static bool Shows(LayoutState layout, PaneId pane) =>
        layout.Primary == pane || (layout.IsSplit && layout.Secondary == pane);

    /// <summary>The config as it stands now.</summary>
    public TopSharpConfig CurrentConfig => new()
    {
        DelaySeconds = Sampler.Delay.CurrentValue.TotalSeconds,
        Theme = _theme.Value,
        Layout = Layout.Settings,
        Processes = Processes.Settings.CurrentValue,
    };

    /// <summary>Enter in the cgroup pane: the process table shows only that group and its descendants (the same group again, or a hierarchy's root, clears it).</summary>
    public void ShowProcessesIn(CgroupKey group)
    {
        Processes.SetCgroupFilter(group.Path == "/" || Processes.CgroupFilter == group ? null : group);
        Layout.Show(PaneId.Processes);
    }

    /// <summary>
    /// <c>g</c> on a process: shows the cgroup pane and selects the process's group there, in the unified hierarchy
    /// when there is one (pure v2 and hybrid), else in the first v1 hierarchy with controllers. Resolved on the
    /// first sample that holds the cgroup tree, which the pane asks for once shown.
    /// </summary>
    public void ShowCgroupOf(ProcessKey process)
    {
        _pendingProcess = process;
        Layout.Show(PaneId.Cgroups);
        ResolvePendingProcess();
    }

    private void ResolvePendingProcess()
    {
        if (_pendingProcess is not { } wanted || Sampler.Latest.CurrentValue?.Snapshot is not { Cgroups: not null } snapshot) return;
        _pendingProcess = null;   // first: Select publishes a state, which comes back here
        PidCgroup? cgroup = snapshot.Processes.FirstOrDefault(p => p.Key == wanted).Cgroup;
        if (cgroup is null || cgroup.Memberships.Count == 0)
        {
            Status.Post($"g: the cgroup of {wanted.Pid} is not known (it exited, or /proc/{wanted.Pid}/cgroup is unreadable)", StatusLevel.Info);
            return;
        }
        CgroupMembership m = cgroup.Memberships.FirstOrDefault(x => x.HierarchyId == 0)
            ?? cgroup.Memberships.FirstOrDefault(x => x.Controllers.Length > 0 && !x.Controllers.StartsWith("name=", StringComparison.Ordinal))
            ?? cgroup.Memberships[0];
        if (!Cgroups.Select(new CgroupKey(m.HierarchyId == 0 ? "unified" : m.Controllers, m.Path)))
            Status.Post($"g: {TopSharp.Core.Text.TerminalText.Escape(m.Path)} is not in the cgroup tree", StatusLevel.Info);
    }

    /// <summary>Takes the first sample and starts refreshing.</summary>
    public void Start() => Sampler.Start();

    /// <summary>Writes config.json now; a failure goes to the status line.</summary>
    public void Save()
    {
        if (_store.Save(CurrentConfig) is { } error) Status.Post(error, StatusLevel.Warning);
    }

    /// <summary>Stops sampling, saves the config (quit) and releases everything.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _bag.Dispose();
        Sampler.Dispose();
        Save();
        Header.Dispose();
        Processes.Dispose();
        Layout.Dispose();
        Status.Dispose();
        Cgroups.Dispose();
        SyscallTracer.Dispose();
        _theme.Dispose();
    }
}
