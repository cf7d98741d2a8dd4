using R3;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Bpf.Syscalls;
using TopSharp.Ui.Frame;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Syscalls;

namespace TopSharp.Ui.Syscalls;

/// <summary>
/// The syscall pane: draws <see cref="SyscallsPaneText"/> for the view model's state; <c>l</c> toggles latency, <c>c</c> the
/// upper table between the cgroup the process table is filtered to and the whole machine; owns the view model.
/// </summary>
public sealed class SyscallsPaneView : StatePane<SyscallsState>
{
    /// <summary>Set from <c>--no-bpf</c> before the dashboard starts: the pane then loads nothing and says so.</summary>
    public static bool BpfDisabled { get; set; }

    public static readonly Key LatencyKey = Key.L;
    public static readonly Key ScopeKey = Key.C;

    /// <summary>The pane's keys for the help screen.</summary>
    public static IReadOnlyList<(string Keys, string Text)> Help { get; } =
    [
        ("l", "latency on/off: time syscalls for p50/p99 (a sample of floods; costs a little more per syscall)"),
        ("c", "upper table: the cgroup the process table is filtered to (Enter in the cgroup pane) or the whole machine"),
    ];

    private readonly SyscallsViewModel _vm;

    public SyscallsPaneView(SyscallsViewModel vm, SynchronizationContext? ui) : base(vm, vm.State, ui) => _vm = vm;

    /// <summary>The pane for the tab strip: attached while it is shown in either half of the split.</summary>
    public static SyscallsPaneView Create(PaneContext c) => new(new SyscallsViewModel(
        c.Vm.Sampler.Samples,
        c.Vm.Processes.State.Select(s => s.Selected).DistinctUntilChanged(),
        c.Vm.Layout.State.Select(s => s.Primary == PaneId.Syscalls || (s.IsSplit && s.Secondary == PaneId.Syscalls)),
        c.Vm.SyscallTracer.Lease,
        c.Vm.Processes.State.Select(_ => c.Vm.Processes.CgroupFilter)), c.Ui);

    /// <summary>Opens the kernel's syscall tracer for <see cref="ViewModels.DashboardViewModel"/>, or says why it cannot.</summary>
    public static (ISyscallTracer?, string) Open()
    {
        if (BpfDisabled) return (null, "turned off by --no-bpf");
        return SyscallTracer.TryOpen(out SyscallTracer? tracer, out string reason) ? (tracer, "") : (null, reason);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (KeyMap.Matches(key, LatencyKey)) _vm.ToggleLatency();
        else if (KeyMap.Matches(key, ScopeKey)) _vm.ToggleScope();
        else return false;
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(GetAttributeForRole(VisualRole.Normal));
        IReadOnlyList<string> lines = SyscallsPaneText.Lines(State, Viewport.Width);
        for (int y = 0; y < Viewport.Height; y++)
        {
            Move(0, y);
            AddStr((y < lines.Count ? lines[y] : "").PadRight(Viewport.Width));
        }
        return true;
    }
}
