using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Core.Processes;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Tests.ProcessTable;

public class ProcessTableViewTests
{
    private static int ColumnIndex(TableScreen t, ColumnId id) => t.State.Columns.ToList().FindIndex(c => c.Id == id);

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void Draws_at_every_size_without_control_characters(int width, int height)
    {
        ProcessSample[] hostile =
        [
            Snapshots.Proc(1, ppid: 0, comm: "init", cmdline: "/sbin/init", ticks: 1),
            Snapshots.Proc(666, comm: "evil\u001b[2J", cmdline: "sh -c \u001b]0;pwned\u0007\r\nrm -rf /\u0000 \u009b31m", ticks: 99, uid: 4242),
        ];
        using var t = new TableScreen(width, height, hostile);
        t.Press(Key.CursorDown);
        string screen = t.Screen.Screen();
        Assert.DoesNotContain(screen, c => char.IsControl(c) && c is not '\n' and not '\r');
        string[] lines = t.Lines();
        Assert.StartsWith("    PID", lines[0]);
        if (width >= 200) Assert.Contains(@"sh -c \e]0;pwned\x07\r\nrm -rf /\0 \u009b31m", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_shows_the_sort_arrow_and_the_command_takes_the_rest()
    {
        using var t = new TableScreen(120, 10);
        string header = t.Lines()[0];
        Assert.Contains("CPU%▼", header);
        Assert.EndsWith("Command", header);
        Assert.Matches(@"^\s+\d+ \S+\s+20\s+0 .*/usr/bin/proc\d+ --flag \d+$", t.Lines()[1]);
    }

    [Fact]
    public void Cpu_cells_are_coloured_by_load()
    {
        var processes = new[] { Snapshots.Proc(1, ticks: 95), Snapshots.Proc(2, ticks: 60), Snapshots.Proc(3, ticks: 5) };
        using var t = new TableScreen(120, 10, processes);
        t.Press(Key.End);                                          // the selection off the coloured rows
        t.Screen.Screen();
        int x = t.Lines()[0].IndexOf("CPU%", StringComparison.Ordinal) + 2;
        var cells = t.Screen.App.Driver!.Contents!;
        Assert.Equal(Color.BrightRed, cells[1, x].Attribute!.Value.Foreground);
        Assert.Equal(Color.Yellow, cells[2, x].Attribute!.Value.Foreground);
    }

    [Fact]
    public void Down_End_and_Home_move_the_selection_and_the_foot_shows_its_command_line()
    {
        using var t = new TableScreen();
        t.Press(Key.CursorDown, Key.CursorDown);
        Assert.Equal(2, t.State.SelectedIndex);
        Assert.Equal(t.State.SelectedCommandLine, t.Lines()[19]);
        t.Press(Key.End);
        Assert.Equal(29, t.State.SelectedIndex);
        Assert.Contains(t.State.SelectedRow!.Cells[^1], t.Lines()[18]);
        t.Press(Key.Home);
        Assert.Equal(0, t.State.SelectedIndex);
        t.Screen.Screen();
        Assert.Equal(0, t.View.TopRow);
    }

    [Fact]
    public void V_groups_by_cgroup_under_a_heading_and_the_foot_says_so()
    {
        ProcessSample[] processes = [Snapshots.Proc(1, ticks: 50, residentPages: 256), Snapshots.Proc(2, ticks: 25, residentPages: 256)];
        using var t = new TableScreen(120, 10, processes);
        t.Press(new Key('v'), new Key('v'));   // tree, then grouped; no cgroup file read yet in this sample
        Assert.True(t.State.Grouped);
        Assert.EndsWith($"{ProcessTableViewModel.UnknownCgroup}: 2 processes, CPU 75.0%, RES 2.00M", t.Lines()[1].TrimEnd());
        Assert.Equal(1, t.State.SelectedIndex);                                   // the first process, not the heading
        Assert.Contains("Grouped by cgroup", t.Lines()[9]);
        t.Press(new Key('v'));
        Assert.False(t.State.Grouped || t.State.Tree);
        Assert.DoesNotContain("Grouped by cgroup", t.Lines()[9]);
    }

    [Fact]
    public void Selection_stays_on_screen_when_paging_down()
    {
        using var t = new TableScreen(120, 10);
        t.Press(Key.PageDown, Key.PageDown);
        t.Screen.Screen();
        Assert.Equal(14, t.State.SelectedIndex);
        Assert.InRange(t.State.SelectedIndex, t.View.TopRow, t.View.TopRow + 7);
    }

    [Fact]
    public void Sort_keys_pick_the_column_and_I_inverts()
    {
        using var t = new TableScreen();
        t.Press(new Key('M'));
        Assert.Equal(ColumnId.MemPercent, t.State.SortColumn);
        Assert.Contains("MEM%▼", t.Lines()[0]);
        Assert.Equal(130, t.State.Rows[0].Pid);                     // the most resident pages
        t.Press(new Key('I'));
        Assert.Contains("MEM%▲", t.Lines()[0]);
        Assert.Equal(101, t.State.Rows[0].Pid);
        t.Press(new Key('<'));
        Assert.Equal(ColumnId.CpuPercent, t.State.SortColumn);
        t.Press(new Key('>'), new Key('>'));
        Assert.Equal(ColumnId.Time, t.State.SortColumn);
        t.Press(new Key('P'));
        Assert.Equal(ColumnId.CpuPercent, t.State.SortColumn);
    }

    [Fact]
    public void Search_jumps_to_the_first_match_and_F3_finds_the_next()
    {
        using var t = new TableScreen();
        t.Press(new Key('/'));
        t.Type("proc2");
        Assert.Contains("proc2", t.State.SelectedCommandLine);
        Assert.StartsWith("Search: proc2", t.Lines()[19]);
        int first = t.State.SelectedRow!.Pid;
        t.Press(Key.F3);
        Assert.NotEqual(first, t.State.SelectedRow!.Pid);
        Assert.Contains("proc2", t.State.SelectedCommandLine);
        t.Type("zzz");
        Assert.StartsWith("Search (not found): proc2zzz", t.Lines()[19]);
        t.Press(Key.Esc);
        Assert.Equal(InputMode.None, t.View.InputMode);
        Assert.Equal(t.State.SelectedCommandLine, t.Lines()[19]);
    }

    [Fact]
    public void Filter_hides_rows_and_Esc_clears_it()
    {
        using var t = new TableScreen();
        t.Press(new Key('\\'));
        t.Type("proc1");
        Assert.Equal(11, t.State.Rows.Count);                      // proc1, proc10..proc19
        Assert.DoesNotContain("/usr/bin/proc2 ", t.Screen.Screen());
        t.Press(Key.Enter);
        Assert.StartsWith("Filter: proc1 │ /usr/bin/proc1", t.Lines()[19]);
        t.Press(Key.F4, Key.Backspace);
        Assert.Equal(30, t.State.Rows.Count);
        t.Type("proc1");
        t.Press(Key.Esc);
        Assert.Equal(30, t.State.Rows.Count);
    }

    [Fact]
    public void Space_tags_and_moves_down_and_tagged_rows_are_coloured()
    {
        using var t = new TableScreen();
        t.Press(Key.Space, Key.Space);
        Assert.Equal([true, true, false], t.State.Rows.Take(3).Select(r => r.Is(RowFlags.Tagged)));
        Assert.Equal(2, t.State.SelectedIndex);
        t.Screen.Screen();
        Assert.Equal(Color.BrightYellow, t.Screen.App.Driver!.Contents![1, 2].Attribute!.Value.Foreground);
        t.Press(new Key('U'));
        Assert.Equal(0, t.State.TaggedCount);
    }

    [Fact]
    public void Kill_sends_the_chosen_signal_to_every_tagged_process_after_naming_them()
    {
        using var t = new TableScreen();
        t.Press(Key.Space, Key.Space);
        int[] tagged = [.. t.State.Rows.Where(r => r.Is(RowFlags.Tagged)).Select(r => r.Pid)];
        t.Prompts.Choice = 1;                                      // SIGKILL
        t.Press(new Key('k'));
        Assert.EndsWith(": 15 SIGTERM| 9 SIGKILL| 1 SIGHUP| 2 SIGINT| 3 SIGQUIT|10 SIGUSR1|12 SIGUSR2|18 SIGCONT|19 SIGSTOP|20 SIGTSTP", t.Prompts.Asked[0]);
        Assert.Equal($"Send SIGKILL to 2 processes: {tagged[0]} (/usr/bin/proc{tagged[0] - 100} --flag {tagged[0] - 100}), {tagged[1]} (/usr/bin/proc{tagged[1] - 100} --flag {tagged[1] - 100})?", t.Prompts.Asked[1]);
        Assert.Equal(tagged.Select(p => (p, 9)), t.Table.Control.Kills);
    }

    [Fact]
    public void Kill_sends_nothing_when_the_confirmation_is_refused()
    {
        using var t = new TableScreen();
        t.Prompts.Choice = 0;
        t.Prompts.Confirmed = false;
        t.Press(Key.F9);
        Assert.Empty(t.Table.Control.Kills);
        Assert.Equal($"Send SIGTERM to {t.State.SelectedRow!.Pid} ({t.State.SelectedCommandLine})?", t.Prompts.Asked[1]);
    }

    [Fact]
    public void Renice_goes_to_the_selected_process_and_errors_come_in_words()
    {
        using var t = new TableScreen();
        int pid = t.State.SelectedRow!.Pid;
        t.Table.Control.Denied.Add(pid);
        t.Press(Key.F7);
        Assert.Equal((pid, -1), t.Table.Control.Renices.Single());
        Assert.Contains("EPERM", t.Table.Messages[^1]);
        t.Press(Key.F8);
        Assert.Equal((pid, 1), t.Table.Control.Renices[^1]);
    }

    [Fact]
    public void Click_on_a_header_sorts_by_it_and_a_second_click_inverts()
    {
        using var t = new TableScreen();
        int pid = t.Lines()[0].IndexOf("PID", StringComparison.Ordinal);
        t.Screen.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(pid, 0)));
        Assert.Equal(ColumnId.Pid, t.State.SortColumn);
        bool first = t.State.SortDescending;
        t.Screen.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(pid, 0)));
        Assert.Equal(!first, t.State.SortDescending);
        Assert.Contains(first ? "PID▲" : "PID▼", t.Lines()[0]);
    }

    [Fact]
    public void Click_on_a_row_selects_it_and_the_wheel_moves_the_selection()
    {
        using var t = new TableScreen();
        t.Screen.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(10, 5)));
        Assert.Equal(4, t.State.SelectedIndex);
        t.Screen.App.InjectMouse(new Mouse { Flags = MouseFlags.WheeledDown, ScreenPosition = new Point(10, 5) });
        Assert.Equal(7, t.State.SelectedIndex);
    }

    [Fact]
    public void Setup_adds_marked_columns_before_Command()
    {
        using var t = new TableScreen();
        t.Prompts.Marks = [.. ColumnCatalogue.All.Select(c => c.Id is ColumnId.Pid or ColumnId.Ppid or ColumnId.Command or ColumnId.CpuPercent)];
        t.Press(Key.F2);
        Assert.Equal([ColumnId.Pid, ColumnId.CpuPercent, ColumnId.Ppid, ColumnId.Command], t.State.Columns.Select(c => c.Id));
        Assert.Matches(@"^\s+PID\s+CPU%▼\s+PPID Command$", t.Lines()[0]);
    }

    [Fact]
    public void User_filter_offers_the_users()
    {
        using var t = new TableScreen();
        t.Prompts.Choice = 2;
        t.Press(new Key('u'));
        Assert.Equal("Show processes of: All users|alice|root", t.Prompts.Asked[0]);
        Assert.All(t.State.Rows, r => Assert.Equal("root", r.Cells[ColumnIndex(t, ColumnId.User)]));
        Assert.StartsWith("User: root │ ", t.Lines()[19]);
    }

    [Fact]
    public void Right_scrolls_long_command_lines()
    {
        using var t = new TableScreen(80, 6, [Snapshots.Proc(1, cmdline: "/bin/app " + new string('x', 100) + "END")]);
        Assert.DoesNotContain("END", t.Lines()[1]);
        for (int i = 0; i < 20; i++) t.Press(Key.CursorRight);
        Assert.Contains("END", t.Lines()[1]);
        int left = t.View.LeftColumn;
        t.Press(Key.CursorLeft);
        Assert.Equal(left - 8, t.View.LeftColumn);
    }

    [Fact]
    public void Tree_view_collapses_and_expands_the_selected_subtree()
    {
        using var t = new TableScreen();
        t.Press(Key.F5);
        Assert.True(t.State.Tree);
        t.Press(Key.Home);
        Assert.Equal(101, t.State.SelectedRow!.Pid);
        t.Press(new Key('-'));
        Assert.Single(t.State.Rows);
        t.Press(new Key('-'));
        Assert.Single(t.State.Rows);
        t.Press(new Key('+'));
        Assert.Equal(30, t.State.Rows.Count);
        t.Press(new Key('t'));
        Assert.False(t.State.Tree);
    }

    [Fact]
    public void Threads_and_follow_toggle()
    {
        using var t = new TableScreen();
        t.Press(new Key('H'));
        Assert.True(t.State.ShowThreads);
        t.Press(new Key('F'));
        Assert.True(t.State.Following);
        Assert.StartsWith("Following │ ", t.Lines()[19]);
    }
}
