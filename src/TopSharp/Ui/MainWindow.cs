using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Header;
using TopSharp.Ui.Themes;

namespace TopSharp.Ui;

/// <summary>
/// The dashboard's frame: header meters, the tab strip, the pane area and the status line, and the
/// dashboard keys from <see cref="KeyMap"/>. Keys reach the focused pane first; what it leaves
/// comes here (<see cref="OnKeyDown"/>), so a pane's text input keeps its letters.
/// Esc never quits this window (it still closes dialogs): only <see cref="Quit"/> does.
/// </summary>
public sealed class MainWindow : Window
{
    private static readonly TimeSpan MessageTime = TimeSpan.FromSeconds(5);

    private readonly Func<IReadOnlyList<string>> _helpLines;
    private bool _quitting;
    private bool _headerShown = true;
    private object? _messageTimeout;

    public MainWindow(IReadOnlyList<PaneDefinition> panes, Func<IReadOnlyList<string>> helpLines)
    {
        _helpLines = helpLines;
        BorderStyle = LineStyle.None;
        Header = new HeaderView();
        Header.Height = Dim.Func(v => HeaderRows(v!.Viewport.Width, v.Viewport.Height), this);
        Tabs = new TabStrip { X = 0, Y = Pos.Bottom(Header) };
        Panes = new PaneFrame(panes) { X = 0, Y = Pos.Bottom(Tabs), Width = Dim.Fill(), Height = Dim.Fill(1) };
        Status = new StatusLine();
        Add(Header, Tabs, Panes, Status);

        Tabs.TabClicked += (_, i) => Panes.ShowPane(i);
        Status.ActionClicked += (_, a) => Execute(a, null);
        Panes.LayoutChanged += (_, _) => ShowTabs();
        IsRunningChanging += (_, e) =>
        {
            if (e.CurrentValue && !e.NewValue && !_quitting) e.Cancel = true;
        };
        ShowTabs();
    }

    public HeaderView Header { get; }
    public TabStrip Tabs { get; }
    public PaneFrame Panes { get; }
    public StatusLine Status { get; }

    /// <summary>The themes Ctrl+T cycles through; null leaves the key doing nothing.</summary>
    public ThemeSwitcher? Themes { get; init; }

    /// <summary>Stops the dashboard (q, F10, Ctrl+C, or a signal).</summary>
    public void Quit()
    {
        _quitting = true;
        App?.RequestStop(this);
    }

    /// <summary>Shows <paramref name="message"/> on the status line for a few seconds.</summary>
    public void ShowMessage(string message)
    {
        Status.Message = message;
        if (App is not { } app) return;
        if (_messageTimeout is not null) app.RemoveTimeout(_messageTimeout);
        _messageTimeout = app.AddTimeout(MessageTime, () =>
        {
            Status.Message = null;
            _messageTimeout = null;
            return false;
        });
    }

    /// <summary>The header's rows at this size: what it needs, at most half of what the panes leave.</summary>
    public int HeaderRows(int width, int height) =>
        _headerShown ? Math.Min(Header.DesiredRows(width), Math.Max(0, (height - 2) / 2)) : 0;

    protected override bool OnKeyDown(Key key)
    {
        if (KeyMap.Find(key) is not { } binding) return false;
        Execute(binding.Action, key);
        return true;
    }

    private void Execute(KeyAction action, Key? key)
    {
        switch (action)
        {
            case KeyAction.Help: if (App is { } app) HelpDialog.Show(app, _helpLines()); break;
            case KeyAction.Quit: Quit(); break;
            case KeyAction.CycleTheme: NextTheme(); break;
            case KeyAction.ShowPane: if (key is not null && KeyMap.PaneNumber(key) is { } n) Panes.ShowPane(n - 1); break;
            case KeyAction.NextPane: Panes.CyclePane(1); break;
            case KeyAction.PreviousPane: Panes.CyclePane(-1); break;
            case KeyAction.CycleSplit: Panes.CycleSplit(); break;
            case KeyAction.SwitchSplitFocus: Panes.SwitchFocus(); break;
            case KeyAction.SplitShrink: Panes.MoveDivider(-1); break;
            case KeyAction.SplitGrow: Panes.MoveDivider(1); break;
            case KeyAction.ToggleHeader:
                _headerShown = !_headerShown;
                SetNeedsLayout();
                break;
        }
    }

    private void NextTheme()
    {
        if (Themes is null) return;
        string name = Themes.Next();
        Header.PlainGlyphs = Themes.Monochrome;
        SetNeedsDraw();     // Terminal.Gui does not repaint on a theme change
        ShowMessage("theme: " + name);
    }

    private void ShowTabs() => Tabs.Show(Panes.Titles, Panes.FocusedPane, Panes.OtherPane);
}
