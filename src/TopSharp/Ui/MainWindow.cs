using R3;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Bpf.Opens;
using TopSharp.Core.Numa;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Header;
using TopSharp.Ui.Opens;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Opens;
using TopSharp.ViewModels.Status;

namespace TopSharp.Ui;

/// <summary>
/// The dashboard's frame, bound to a <see cref="DashboardViewModel"/>: header meters, the tab strip, the
/// pane area and the status line, and the dashboard keys from <see cref="KeyMap"/>. Keys reach the focused
/// pane first; what it leaves comes here (<see cref="OnKeyDown"/>), so a pane's text input keeps its letters.
/// Esc never quits this window (it still closes dialogs): only <see cref="Quit"/> does.
/// </summary>
public sealed class MainWindow : Window
{
    private readonly DashboardViewModel _vm;
    private readonly Func<IReadOnlyList<string>> _helpLines;
    private readonly IDisposable _subscriptions;
    private readonly SynchronizationContext _ui;
    private readonly Core.KernelRoot _root;
    private OpensWindow? _opens;
    private bool _quitting;
    private bool _headerShown = true;

    /// <param name="ui">Where view-model updates from the sampler's thread are posted: the main loop.</param>
    public MainWindow(DashboardViewModel vm, IApplication app, IReadOnlyList<PaneDefinition> panes, SynchronizationContext ui,
        Func<IReadOnlyList<string>> helpLines, Func<int, NumaMaps?>? numaMaps = null, Core.KernelRoot? root = null)
    {
        _vm = vm;
        _helpLines = helpLines;
        _ui = ui;
        _root = root ?? Core.KernelRoot.Live;
        BorderStyle = LineStyle.None;
        Header = new HeaderView();
        Header.Height = Dim.Func(v => HeaderRows(v!.Viewport.Width, v.Viewport.Height), this);
        Tabs = new TabStrip { X = 0, Y = Pos.Bottom(Header) };
        Panes = new PaneFrame(panes, new PaneContext(vm, app, ui, numaMaps, root)) { X = 0, Y = Pos.Bottom(Tabs), Width = Dim.Fill(), Height = Dim.Fill(1) };
        Status = new StatusLine();
        Add(Header, Tabs, Panes, Status);

        Tabs.TabClicked += (_, i) => _vm.Layout.ShowNumber(i + 1);
        Status.CommandClicked += (_, command) => Clicked(command);
        Panes.SplitDragged += (_, ratio) => _vm.Layout.SetSplitRatio(ratio);
        IsRunningChanging += (_, e) =>
        {
            if (e.CurrentValue && !e.NewValue && !_quitting) e.Cancel = true;
        };
        _subscriptions = Disposable.Combine(
            vm.Header.State.ObserveOn(ui).Subscribe(Header.Update),
            vm.Status.State.ObserveOn(ui).Subscribe(Status.Show),
            vm.Layout.State.Subscribe(ShowLayout));   // changed by keys and clicks, on this thread
    }

    public HeaderView Header { get; }
    public TabStrip Tabs { get; }
    public PaneFrame Panes { get; }
    public StatusLine Status { get; }

    /// <summary>The themes Ctrl+T cycles through; null leaves the key doing nothing.</summary>
    public ThemeSwitcher? Themes { get; init; }

    /// <summary>Starts tracing opens for <c>o</c>; null leaves the key saying BPF is off.</summary>
    public Func<OpensScope, IOpenEventSource>? StartOpens { get; init; }

    /// <summary>Stops the dashboard (q, F10, Ctrl+C, or a signal), closing the opens view first if it shows.</summary>
    public void Quit()
    {
        _quitting = true;
        if (_opens is { } opens) App?.RequestStop(opens);
        App?.RequestStop(this);
    }

    /// <summary><c>o</c>: the opens view for the selected process (or cgroup, on the cgroup pane), until Esc (or q, which quits too).</summary>
    private void ShowOpens()
    {
        if (App is not { } app) return;
        if (StartOpens is null) { ShowMessage("opens: needs eBPF on the live machine (not --no-bpf, not --root)"); return; }
        if (OpensScopeOfActivePane() is not { } scope) return;
        bool quit = OpensWindow.Show(app, _ui, scope, StartOpens, shown: w => _opens = w);
        _opens = null;
        if (quit || _quitting) Quit();
    }

    /// <summary>The cgroup pane's selected group when that pane is active, else the table's selected process; null after saying why not.</summary>
    private OpensScope? OpensScopeOfActivePane()
    {
        if (_vm.Layout.State.CurrentValue.Active == PaneId.Cgroups)
        {
            OpensScope? group = CgroupOpensScope.Of(_root, _vm.Sampler.Latest.CurrentValue?.Snapshot.Cgroups, _vm.Cgroups.Selected, out string why);
            if (group is null) ShowMessage(why, StatusLevel.Warning);
            return group;
        }
        var table = _vm.Processes.State.CurrentValue;
        if (table.SelectedRow is not { } row) { ShowMessage("opens: select a process first"); return null; }
        string command = table.SelectedCommandLine ?? "";
        return OpensScope.Process(row.Pid, command.Length > 30 ? command[..29] + "…" : command);
    }

    /// <summary>Shows <paramref name="message"/> on the status line for a few seconds.</summary>
    public void ShowMessage(string message, StatusLevel level = StatusLevel.Info) => _vm.Status.Post(message, level);

    /// <summary>The header's rows at this size: what it needs, at most half of what the panes leave.</summary>
    public int HeaderRows(int width, int height) =>
        _headerShown ? Math.Min(Header.DesiredRows(width), Math.Max(0, (height - 2) / 2)) : 0;

    protected override bool OnKeyDown(Key key)
    {
        if (KeyMap.Find(key) is not { } binding) return false;
        Execute(binding.Action, key);
        return true;
    }

    /// <summary>A status-bar hint was clicked: a dashboard action, or a command for the focused process table.</summary>
    private void Clicked(Enum command)
    {
        if (command is KeyAction action) Execute(action, null);
        else if (command is ProcessTable.TableCommand table && MostFocused is ProcessTable.ProcessTableView view) view.Execute(table);
    }

    private void Execute(KeyAction action, Key? key)
    {
        LayoutViewModel layout = _vm.Layout;
        switch (action)
        {
            case KeyAction.Help: if (App is { } app) HelpDialog.Show(app, _helpLines()); break;
            case KeyAction.Quit: Quit(); break;
            case KeyAction.CycleTheme: NextTheme(); break;
            case KeyAction.ShowPane: if (key is not null && KeyMap.PaneNumber(key) is { } n) layout.ShowNumber(n); break;
            case KeyAction.NextPane: layout.NextPane(); break;
            case KeyAction.ShowSyscalls: layout.Show(PaneId.Syscalls); break;
            case KeyAction.PreviousPane: layout.NextPane(-1); break;
            case KeyAction.CycleSplit: layout.CycleSplit(); break;
            case KeyAction.SwitchSplitFocus: layout.FocusOther(); break;
            case KeyAction.SplitShrink: layout.ResizeSplit(-SplitStep); break;
            case KeyAction.SplitGrow: layout.ResizeSplit(SplitStep); break;
            case KeyAction.Faster: ChangeDelay(_vm.Sampler.Faster); break;
            case KeyAction.Slower: ChangeDelay(_vm.Sampler.Slower); break;
            case KeyAction.Opens: ShowOpens(); break;
            case KeyAction.ToggleHeader:
                _headerShown = !_headerShown;
                SetNeedsLayout();
                break;
        }
    }

    /// <summary>How far one key press moves the split divider (a share of the pane area).</summary>
    public const double SplitStep = 0.05;

    private void ChangeDelay(Action change)
    {
        if (_vm.Sampler.IsFrozen)
        {
            ShowMessage("refresh is frozen: a captured tree (--root) does not change");
            return;
        }
        change();
        ShowMessage($"refresh every {_vm.Sampler.Delay.CurrentValue.TotalSeconds:0.0#} s");
    }

    private void NextTheme()
    {
        if (Themes is null) return;
        string name = Themes.Next();
        _vm.SetTheme(Themes.Current);
        Header.PlainGlyphs = Themes.Monochrome;
        SetNeedsDraw();     // Terminal.Gui does not repaint on a theme change
        ShowMessage("theme: " + name);
    }

    private void ShowLayout(LayoutState state)
    {
        Panes.Show(state);
        int active = state.Panes.ToList().IndexOf(state.Active);
        PaneId other = state.Active == state.Primary ? state.Secondary : state.Primary;
        Tabs.Show(state.Panes.Select(Panes.TitleOf).ToList(), active, state.IsSplit ? state.Panes.ToList().IndexOf(other) : null);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscriptions.Dispose();
        base.Dispose(disposing);
    }
}
