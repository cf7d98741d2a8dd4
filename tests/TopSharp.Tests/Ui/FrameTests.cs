using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Ui;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels.Header;
using Xunit;

namespace TopSharp.Tests.Ui;

/// <summary>The whole frame, headless, with the header of a captured 8-CPU machine (numa4-cgroup2).</summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class FrameTests
{
    private static readonly HeaderState Numa4 = FixtureHeaders.Read("numa4-cgroup2");

    private static MainWindow Window(HeaderState state)
    {
        var switcher = new ThemeSwitcher(ThemeCatalog.LoadShipped(), global::TopSharp.Cli.ColorMode.TrueColor);
        switcher.Register();
        switcher.Apply("dark");
        var window = new MainWindow(Panes.All(), HelpText.Lines) { Themes = switcher };
        window.Header.Update(state);
        return window;
    }

    private static void AssertPrintable(string screen) =>
        Assert.DoesNotContain(screen, c => char.IsControl(c) && c is not '\n' and not '\r');

    [Fact]
    public void Full_size_shows_every_meter()
    {
        using var h = new Harness(200, 50);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        string[] lines = h.Lines();
        AssertPrintable(string.Join("\n", lines));
        // 8 CPUs fold into 2 columns of 4: cpu0 and cpu4 share the first row.
        Assert.StartsWith("0[", lines[0]);
        Assert.Contains(" 4[", lines[0]);
        Assert.StartsWith("3[", lines[3]);
        Assert.StartsWith("Mem[", lines[4]);
        Assert.StartsWith("Swp[", lines[5]);
        Assert.Contains("Load average: 1.54 0.34 0.11", lines[5]);
        Assert.Contains("Tasks: ", lines[4]);
        string screen = string.Join("\n", lines);
        Assert.Contains("PSI some avg10: cpu", screen);
        Assert.Contains("CPU |user |nice |sys", screen);
        Assert.Contains(" 1 Processes  2 Cgroups  3 NUMA ", screen);
        Assert.StartsWith("F1 Help", lines[^1]);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    [InlineData(1, 1)]
    public void Small_terminals_show_what_fits(int width, int height)
    {
        using var h = new Harness(width, height);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        string[] lines = h.Lines();
        AssertPrintable(string.Join("\n", lines));
        Assert.True(lines.Length >= height);
        Assert.All(lines, l => Assert.True(l.Length <= width, l));
        if (height >= 6) Assert.StartsWith("F1", lines[height - 1]);
        if (width >= 80) Assert.Contains(lines, l => l.StartsWith("Mem[", StringComparison.Ordinal));
        if (height == 6) Assert.Equal(2, window.HeaderRows(width, height));
    }

    [Fact]
    public void A_storm_of_resizes_does_not_throw()
    {
        using var h = new Harness(200, 50);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            h.Resize(random.Next(1, 260), random.Next(1, 90));
            if (i % 7 == 0) h.App.InjectKey(new Key('|'));
        }
        h.Resize(20, 6);
        h.Resize(200, 50);
        AssertPrintable(h.Screen());
    }

    [Fact]
    public void Number_keys_and_Tab_switch_panes_and_the_tab_strip_follows()
    {
        using var h = new Harness(120, 30);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        h.App.InjectKey(Key.D3);
        Assert.Equal(2, window.Panes.FocusedPane);
        Assert.Contains("Per-node memory and CPUs come in a later release.", h.Screen());
        h.App.InjectKey(Key.Tab);
        Assert.Equal(3, window.Panes.FocusedPane);
        h.App.InjectKey(Key.Tab.WithShift);
        h.App.InjectKey(Key.Tab.WithShift);
        Assert.Equal(1, window.Panes.FocusedPane);
        h.App.InjectKey(Key.D9);            // no ninth pane: nothing happens
        Assert.Equal(1, window.Panes.FocusedPane);
    }

    [Fact]
    public void Split_cycles_and_the_divider_moves_by_keyboard()
    {
        using var h = new Harness(120, 30);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        h.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.SideBySide, window.Panes.Mode);
        string screen = h.Screen();
        Assert.Contains("1 Processes", screen);
        Assert.Contains("2 Cgroups", screen);
        h.App.InjectKey(Key.CursorRight.WithAlt);
        Assert.Equal(0.55, window.Panes.Fraction, 3);
        h.App.InjectKey(new Key('{'));
        h.App.InjectKey(new Key('{'));
        Assert.Equal(0.45, window.Panes.Fraction, 3);
        h.App.InjectKey(Key.O.WithCtrl);
        h.App.InjectKey(Key.D4);
        Assert.Equal(3, window.Panes.SecondPane);
        Assert.Equal(0, window.Panes.FirstPane);
        h.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.Stacked, window.Panes.Mode);
        h.App.InjectKey(new Key('|'));
        Assert.Equal(SplitMode.Single, window.Panes.Mode);
    }

    [Fact]
    public void Esc_does_not_quit_but_q_does()
    {
        // The real main loop: a stop request is only carried out (or cancelled) there.
        using var h = new Harness(80, 24, virtualTime: false);
        using MainWindow window = Window(Numa4);
        bool runningAfterEsc = false, gaveUp = false;
        h.App.AddTimeout(TimeSpan.FromMilliseconds(50), () => { h.App.InjectKey(Key.Esc); return false; });
        h.App.AddTimeout(TimeSpan.FromMilliseconds(400), () =>
        {
            runningAfterEsc = window.IsRunning;
            h.App.InjectKey(Key.Q);
            return false;
        });
        h.App.AddTimeout(TimeSpan.FromSeconds(20), () =>
        {
            gaveUp = true;
            window.Quit();
            return false;
        });
        h.App.Run(window);
        Assert.True(runningAfterEsc, "Esc quit the main window");
        Assert.False(gaveUp, "q did not quit");
    }

    [Fact]
    public void Theme_key_repaints_in_the_next_theme()
    {
        using var h = new Harness(80, 24);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        var before = h.App.Driver!.Contents![0, 0].Attribute;
        h.App.InjectKey(Key.T.WithCtrl);
        h.Screen();
        Assert.NotEqual(before, h.App.Driver!.Contents![0, 0].Attribute);
        Assert.Contains("theme: high-contrast", h.Screen());
    }

    [Fact]
    public void Status_messages_are_escaped_and_clear_themselves()
    {
        using var h = new Harness(80, 24);
        using MainWindow window = Window(Numa4);
        h.Show(window);
        window.ShowMessage("error: bad\u001b[31mname");
        Assert.Contains("error: bad\\e[31mname", h.Lines()[^1]);
        h.Advance(TimeSpan.FromSeconds(6));
        Assert.StartsWith("F1 Help", h.Lines()[^1]);
    }
}
