using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Ui;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels.Layout;
using Xunit;

namespace TopSharp.Tests.Ui;

/// <summary>The whole frame, headless, over the view models of a captured 8-CPU machine (numa4-cgroup2).</summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class FrameTests
{
    /// <summary>A frame on a headless terminal of the given size, shown and fed its first updates.</summary>
    private sealed class Frame : IDisposable
    {
        public Frame(int width, int height, bool virtualTime = true)
        {
            H = new Harness(width, height, virtualTime);
            var themes = new ThemeSwitcher(ThemeCatalog.LoadShipped(), TopSharp.Cli.ColorMode.TrueColor);
            themes.Register();
            themes.Apply("default");
            Window = new MainWindow(Dashboard.Vm, H.App, Panes.All, new UiSynchronizationContext(H.App), HelpText.Lines) { Themes = themes };
            if (!virtualTime) return;
            H.Show(Window);
            Pump();
        }

        public Harness H { get; }
        public FixtureDashboard Dashboard { get; } = new();
        public MainWindow Window { get; }
        public LayoutState Layout => Dashboard.Vm.Layout.State.CurrentValue;

        /// <summary>Runs the updates the view models posted to the main loop.</summary>
        public void Pump() => H.Advance(TimeSpan.FromMilliseconds(2));

        public string[] Lines()
        {
            Pump();
            return H.Lines();
        }

        public void Dispose()
        {
            H.Dispose();
            Window.Dispose();
            Dashboard.Dispose();
        }
    }

    private static void AssertPrintable(IEnumerable<string> lines) =>
        Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c)));

    [Fact]
    public void Full_size_shows_every_meter()
    {
        using var f = new Frame(200, 50);
        string[] lines = f.Lines();
        AssertPrintable(lines);
        // 8 CPUs fold into 2 columns of 4: cpu0 and cpu4 share the first row.
        Assert.StartsWith("0[", lines[0]);
        Assert.Contains(" 4[", lines[0]);
        Assert.StartsWith("3[", lines[3]);
        Assert.StartsWith("Mem[", lines[4]);
        Assert.Contains("Tasks: ", lines[4]);
        Assert.StartsWith("Swp[", lines[5]);
        Assert.Contains("Load average: 1.54 0.34 0.11", lines[5]);
        string screen = string.Join("\n", lines);
        Assert.Contains("PSI some avg10: cpu", screen);
        Assert.Contains("CPU |user |nice |sys", screen);
        Assert.Contains(" 1 Processes  2 Cgroups  3 NUMA ", screen);
        Assert.StartsWith("F1 Help", lines[^1]);
        Assert.EndsWith("passwd: missing or unreadable", lines[^1]);   // the capture has no etc/passwd
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    [InlineData(1, 1)]
    public void Small_terminals_show_what_fits(int width, int height)
    {
        using var f = new Frame(width, height);
        string[] lines = f.Lines();
        AssertPrintable(lines);
        Assert.Equal(height, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= width, l));
        if (height >= 6) Assert.StartsWith("passwd: missing or u", lines[height - 1]);   // no room for the keys too
        if (width >= 80) Assert.Contains(lines, l => l.StartsWith("Mem[", StringComparison.Ordinal));
        if (height == 6) Assert.Equal(["0[", "1["], lines[..2].Select(l => l[..2]));
    }

    [Fact]
    public void A_storm_of_resizes_does_not_throw()
    {
        using var f = new Frame(200, 50);
        var random = new Random(42);
        for (int i = 0; i < 120; i++)
        {
            f.H.Resize(random.Next(1, 260), random.Next(1, 90));
            if (i % 7 == 0) f.H.App.InjectKey(new Key('|'));
        }
        f.H.Resize(20, 6);
        f.H.Resize(200, 50);
        AssertPrintable(f.Lines());
    }

    [Fact]
    public void Number_keys_and_Tab_switch_panes_and_the_tab_strip_follows()
    {
        using var f = new Frame(120, 30);
        f.H.App.InjectKey(Key.D3);
        Assert.Equal(PaneId.Numa, f.Layout.Active);
        Assert.Contains("NUMA  4 nodes online 0-3", string.Join("\n", f.Lines()));
        f.H.App.InjectKey(Key.Tab);
        Assert.Equal(PaneId.Memory, f.Layout.Active);
        f.H.App.InjectKey(Key.Tab.WithShift);
        f.H.App.InjectKey(Key.Tab.WithShift);
        Assert.Equal(PaneId.Cgroups, f.Layout.Active);
        f.H.App.InjectKey(Key.D9);            // no ninth pane: nothing happens
        Assert.Equal(PaneId.Cgroups, f.Layout.Active);
    }

    [Fact]
    public void Split_cycles_and_the_divider_moves_by_keyboard()
    {
        using var f = new Frame(120, 30);
        f.H.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.Vertical, f.Layout.Split);
        string screen = string.Join("\n", f.Lines());
        Assert.Contains("1 Processes", screen);
        Assert.Contains("2 Cgroups", screen);
        f.H.App.InjectKey(Key.CursorRight.WithAlt);
        Assert.Equal(0.55, f.Layout.SplitRatio, 3);
        f.H.App.InjectKey(new Key('{'));
        f.H.App.InjectKey(new Key('{'));
        Assert.Equal(0.45, f.Layout.SplitRatio, 3);
        f.H.App.InjectKey(Key.O.WithCtrl);
        f.H.App.InjectKey(Key.D4);
        Assert.Equal((PaneId.Processes, PaneId.Memory), (f.Layout.Primary, f.Layout.Secondary));
        f.H.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.Horizontal, f.Layout.Split);
        f.H.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.Single, f.Layout.Split);
    }

    [Fact]
    public void Dragging_the_divider_sets_the_ratio_and_resizes_still_follow()
    {
        using var f = new Frame(100, 30);
        f.H.App.InjectKey(new Key('|'));
        f.Lines();
        // Drag the second half's left border 10 columns left, a step at a time as a terminal reports it.
        var second = f.Window.Panes.SubViews.ElementAt(1).FrameToScreen();
        int x = second.X, row = second.Y + 5;
        foreach (var (dx, flags) in new[] { (0, MouseFlags.LeftButtonPressed), (-5, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport),
                     (-10, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport), (-10, MouseFlags.LeftButtonReleased) })
        {
            f.H.App.InjectMouse(new Mouse { ScreenPosition = new(x + dx, row), Flags = flags });
            f.H.Advance(TimeSpan.FromMilliseconds(20));
        }
        f.Lines();
        Assert.Equal(0.4, f.Layout.SplitRatio, 2);
        f.H.Resize(200, 40);
        f.Lines();
        Assert.Equal(80, f.Window.Panes.SubViews.ElementAt(1).Frame.X);   // 40% of 200: the split follows the resize
    }

    [Fact]
    public void Hash_hides_and_shows_the_header()
    {
        using var f = new Frame(120, 40);
        f.H.App.InjectKey(new Key('#'));
        Assert.StartsWith(" 1 Processes", f.Lines()[0]);
        f.H.App.InjectKey(new Key('#'));
        Assert.StartsWith("0[", f.Lines()[0]);
    }

    [Fact]
    public void Esc_does_not_quit_but_q_does()
    {
        // The real main loop: a stop request is only carried out (or cancelled) there.
        using var f = new Frame(80, 24, virtualTime: false);
        bool runningAfterEsc = false, gaveUp = false;
        f.H.App.AddTimeout(TimeSpan.FromMilliseconds(50), () => { f.H.App.InjectKey(Key.Esc); return false; });
        f.H.App.AddTimeout(TimeSpan.FromMilliseconds(400), () =>
        {
            runningAfterEsc = f.Window.IsRunning;
            f.H.App.InjectKey(Key.Q);
            return false;
        });
        f.H.App.AddTimeout(TimeSpan.FromSeconds(20), () =>
        {
            gaveUp = true;
            f.Window.Quit();
            return false;
        });
        f.H.App.Run(f.Window);
        Assert.True(runningAfterEsc, "Esc quit the main window");
        Assert.False(gaveUp, "q did not quit");
    }

    [Fact]
    public void Theme_key_repaints_in_the_next_theme_and_saves_it()
    {
        using var f = new Frame(80, 24);
        var before = f.H.App.Driver!.Contents![0, 0].Attribute;
        f.H.App.InjectKey(Key.T.WithCtrl);
        Assert.Contains("theme: high-contrast", f.Lines()[^1]);
        Assert.NotEqual(before, f.H.App.Driver!.Contents![0, 0].Attribute);
        Assert.Equal("high-contrast", f.Dashboard.Vm.Theme.CurrentValue);
    }

    [Fact]
    public void Status_messages_are_escaped_and_clear_themselves()
    {
        using var f = new Frame(80, 24);
        f.Window.ShowMessage("error: bad\u001b[31mname");
        Assert.EndsWith("error: bad\\e[31mname", f.Lines()[^1]);
        f.Dashboard.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.EndsWith("passwd: missing or unreadable", f.Lines()[^1]);   // back to the capture's diagnostic
    }
}
