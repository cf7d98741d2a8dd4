using Terminal.Gui.Input;
using TopSharp.Ui;
using TopSharp.Ui.Frame;
using TopSharp.Ui.ProcessTable;
using Xunit;

namespace TopSharp.Tests.Ui;

public sealed class KeyMapTests
{
    [Fact]
    public void Every_action_has_a_binding_with_keys_and_words()
    {
        foreach (KeyAction action in Enum.GetValues<KeyAction>())
        {
            DashboardKey binding = Assert.Single(KeyMap.All, b => b.Action == action);
            Assert.NotEmpty(binding.Keys);
            Assert.False(string.IsNullOrWhiteSpace(binding.Description));
            Assert.False(string.IsNullOrWhiteSpace(binding.KeysText));
        }
    }

    [Fact]
    public void No_key_does_two_things()
    {
        var keys = KeyMap.All.SelectMany(b => b.Keys.Select(k => (Key: k, b.Action))).ToList();
        foreach (var (key, action) in keys)
            Assert.All(keys.Where(o => o.Action != action), o => Assert.False(KeyMap.Matches(key, o.Key), $"{key} is bound to {action} and {o.Action}"));
    }

    [Theory]
    [InlineData(KeyAction.Help, "F1")]
    [InlineData(KeyAction.Help, "h")]
    [InlineData(KeyAction.Help, "?")]
    [InlineData(KeyAction.Quit, "q")]
    [InlineData(KeyAction.Quit, "F10")]
    [InlineData(KeyAction.Quit, "Ctrl+C")]
    [InlineData(KeyAction.CycleTheme, "Ctrl+T")]
    [InlineData(KeyAction.NextPane, "Tab")]
    [InlineData(KeyAction.SplitGrow, "Alt+CursorRight")]
    public void Htop_keys_do_what_htop_users_expect(KeyAction action, string key)
    {
        Assert.True(Key.TryParse(key, out Key parsed), key);
        Assert.Equal(action, KeyMap.Find(parsed)?.Action);
    }

    [Fact]
    public void No_dashboard_key_takes_a_process_table_key()
    {
        foreach (var table in ProcessTableKeys.All.Where(b => !b.TreeOnly))
            foreach (Key key in table.On)
                Assert.True(KeyMap.Find(key) is null, $"{key} is the table's '{table.Help}' and the dashboard's {KeyMap.Find(key)?.Action}");
    }

    [Fact]
    public void Plus_and_minus_change_the_delay_and_in_tree_view_fold_the_tree()
    {
        Assert.Equal(KeyAction.Faster, KeyMap.Find(new Key('+'))?.Action);
        Assert.Equal(KeyAction.Slower, KeyMap.Find(new Key('-'))?.Action);
        Assert.All(ProcessTableKeys.All.Where(b => b.On.Any(k => KeyMap.Find(k) is not null)), b => Assert.True(b.TreeOnly, b.Help));
    }

    [Fact]
    public void Esc_is_not_a_dashboard_key() => Assert.Null(KeyMap.Find(Key.Esc));

    [Fact]
    public void A_symbol_matches_however_the_driver_reports_it()
    {
        Assert.Equal(KeyAction.Help, KeyMap.Find(new Key('?'))?.Action);
        Assert.Equal(KeyAction.CycleSplit, KeyMap.Find(new Key('|'))?.Action);
        Assert.Null(KeyMap.Find(Key.Q.WithShift));       // 'Q' is not 'q'
    }

    [Fact]
    public void Pane_keys_are_one_to_nine()
    {
        Assert.Equal(1, KeyMap.PaneNumber(Key.D1));
        Assert.Equal(9, KeyMap.PaneNumber(new Key('9')));
        Assert.Null(KeyMap.PaneNumber(Key.D0));
    }

    [Fact]
    public void Help_lists_every_binding_and_every_status_hint_names_a_bound_key()
    {
        IReadOnlyList<string> help = HelpText.Lines();
        foreach (DashboardKey b in KeyMap.All)
            Assert.Contains(help, l => l.StartsWith($"  {b.KeysText} ", StringComparison.Ordinal) && l.EndsWith(b.Description, StringComparison.Ordinal));
        foreach (var t in ProcessTableKeys.All)
            Assert.Contains(help, l => l.StartsWith($"  {t.Keys} ", StringComparison.Ordinal) && l.EndsWith(t.Help, StringComparison.Ordinal));
        foreach (var (keys, text) in TopSharp.Ui.Cgroups.CgroupTreeView.Help)
            Assert.Contains(help, l => l.StartsWith($"  {keys} ", StringComparison.Ordinal) && l.EndsWith(text, StringComparison.Ordinal));
        foreach (var (keys, text) in TopSharp.Ui.Memory.MemoryMapText.HelpKeys)
            Assert.Contains(help, l => l.StartsWith($"  {keys} ", StringComparison.Ordinal) && l.EndsWith(text, StringComparison.Ordinal));
        foreach (var (keys, text) in TopSharp.Ui.Syscalls.SyscallsPaneView.Help)
            Assert.Contains(help, l => l.StartsWith($"  {keys} ", StringComparison.Ordinal) && l.EndsWith(text, StringComparison.Ordinal));
        // + the table: two headings and a blank line; + the syscall pane: a blank, its heading, its keys; + the opens view: a blank, its heading, its keys;
        // + the memory map: a blank, its heading, its keys; + the memory pane: a blank, its heading, F6; + the cgroup pane: a blank, its heading, its keys.
        Assert.Equal(KeyMap.All.Count + ProcessTableKeys.All.Count + 3 + (TopSharp.Ui.Syscalls.SyscallsPaneView.Help.Count + 2) + (global::TopSharp.Ui.Opens.OpensView.Help.Count() + 2) + (TopSharp.Ui.Memory.MemoryMapText.HelpKeys.Count + 2) + 3
            + (TopSharp.Ui.Cgroups.CgroupTreeView.Help.Count + 2), help.Count);
        foreach (var (key, word, command) in StatusLine.HintTexts())
        {
            string keys = command is KeyAction action
                ? KeyMap.All.Single(b => b.Action == action).KeysText
                : ProcessTableKeys.All.Single(b => b.Command == (TableCommand)command).Keys;
            Assert.Contains(key, keys.Split(' '));
            Assert.False(string.IsNullOrEmpty(word));
        }
    }
}
