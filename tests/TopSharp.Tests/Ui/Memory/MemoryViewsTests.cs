using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Core;
using TopSharp.Testing;
using TopSharp.Ui;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels.Layout;
using Xunit;

namespace TopSharp.Tests.Ui.Memory;

/// <summary>
/// The memory-map drill-down and the kernel memory pane in the whole frame, headless, over the numa4-cgroup2 capture
/// (ANSWERS.md: mapper 158, zombie 169).
/// </summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class MemoryViewsTests : IDisposable
{
    private readonly Harness _h;
    private readonly FixtureDashboard _dashboard = new();
    private readonly MainWindow _window;

    public MemoryViewsTests() : this(160, 40) { }

    private MemoryViewsTests(int width, int height)
    {
        _h = new Harness(width, height);
        var themes = new ThemeSwitcher(ThemeCatalog.LoadShipped(), TopSharp.Cli.ColorMode.TrueColor);
        themes.Register();
        themes.Apply("default");
        _window = new MainWindow(_dashboard.Vm, _h.App, Panes.All, new UiSynchronizationContext(_h.App), HelpText.Lines,
            root: new KernelRoot(Fixtures.Dir("numa4-cgroup2"))) { Themes = themes };
        _h.Show(_window);
        Pump();
    }

    private void Pump() => _h.Advance(TimeSpan.FromMilliseconds(2));

    private string Screen()
    {
        Pump();
        string[] lines = _h.Lines();
        Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c)));
        return string.Join("\n", lines);
    }

    private void Select(int pid) =>
        _dashboard.Vm.Processes.SelectKey(_dashboard.Vm.Processes.State.CurrentValue.Rows.Single(r => r.Pid == pid).Key);

    [Fact]
    public void M_opens_the_selected_process_map_and_Esc_returns_to_the_table_on_the_same_process()
    {
        Select(158);
        _h.App.InjectKey(Key.M);
        string map = Screen();
        Assert.Contains("Memory map: PID 158 mapper", map);
        Assert.Contains("ADDRESS▲", map);
        Assert.Contains("/dev/zero (deleted)", map);
        Assert.True(map.Contains("RSS 64.8M  PSS 41.5M"), map);
        Assert.Contains("page cache is measured on the live machine only", map);

        _h.App.InjectKey(new Key('>'));     // sort by the next column, PERM
        string sorted = Screen();
        Assert.True(sorted.Contains("PERM▲"), sorted);
        _h.App.InjectKey(new Key('>'));     // SIZE, largest first
        Assert.Contains("SIZE▼", Screen());
        _h.App.InjectKey(Key.G);
        Assert.Contains("Grouped by mapping", Screen());

        _h.App.InjectKey(Key.Esc);
        string table = Screen();
        Assert.DoesNotContain("Memory map:", table);
        Assert.Equal(158, _dashboard.Vm.Processes.State.CurrentValue.Selected!.Value.Pid);
        Assert.Equal(PaneId.Processes, _dashboard.Vm.Layout.State.CurrentValue.Active);
    }

    [Fact]
    public void Enter_on_a_zombie_says_it_has_no_map_and_the_filter_line_narrows_the_map()
    {
        Select(169);
        _h.App.InjectKey(Key.Enter);
        Assert.Contains("zombie: no memory map", Screen());
        _h.App.InjectKey(Key.Esc);

        Select(158);
        _h.App.InjectKey(Key.Enter);
        _h.App.InjectKey(new Key('/'));
        foreach (char c in "shm") _h.App.InjectKey(new Key(c));
        _h.App.InjectKey(Key.Enter);
        string map = Screen();
        Assert.Contains("Filter: shm", map);
        Assert.DoesNotContain("/bin/tsx", map);
        Assert.True(map.Contains("/dev/shm/db-buffer.bin"), map);
    }

    [Fact]
    public void The_memory_pane_shows_meminfo_vmstat_buddyinfo_and_slabs_and_F6_changes_the_slab_order()
    {
        _h.App.InjectKey(Key.D4);
        Assert.Equal(PaneId.Memory, _dashboard.Vm.Layout.State.CurrentValue.Active);
        string pane = Screen();
        Assert.Contains("anon", pane);
        Assert.Contains("pgfault", pane);
        Assert.Contains("Node 0 DMA", pane);
        Assert.Contains("SLABINFO by memory", pane);
        Assert.Contains("inode_cache", pane);
        _h.App.InjectKey(Key.F6);
        Assert.Contains("SLABINFO by objects", Screen());
    }

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void Both_views_draw_at_every_size(int width, int height)
    {
        Select(158);
        _h.App.InjectKey(Key.M);
        _h.Resize(width, height);
        string map = Screen();
        Assert.Equal(height, map.Split('\n').Length);
        _h.App.InjectKey(Key.Esc);
        _h.App.InjectKey(Key.D4);
        Assert.Equal(height, Screen().Split('\n').Length);
    }

    public void Dispose()
    {
        _h.Dispose();
        _window.Dispose();
        _dashboard.Dispose();
    }
}
