using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Ui.ProcessTable;
using Xunit;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Tests.ProcessTable;

public class ProcessTableViewTests
{
    private static (TableHarness H, FakeTableModel Model, ScriptedPrompts Prompts, ProcessTableView View) Show(int width = 120, int height = 20, FakeTableModel? model = null)
    {
        model ??= FakeTableModel.Sample();
        var prompts = new ScriptedPrompts();
        var view = new ProcessTableView(model, prompts);
        return (new TableHarness(view, width, height), model, prompts, view);
    }

    private static void Type(TableHarness h, string text)
    {
        foreach (char c in text) h.App.InjectKey(new Key(c));
    }

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void Draws_at_every_size_without_control_characters(int width, int height)
    {
        var hostile = new FakeTableModel(
        [
            new FakeProcess(1, "root", 1, 1, "/sbin/init"),
            new FakeProcess(666, "evil\u001b[2J", 99, 1, "sh -c \u001b]0;pwned\u0007\r\nrm -rf /\u0000 \u009b31m"),
        ]);
        var (h, _, _, _) = Show(width, height, hostile);
        using var _h = h;
        string screen = h.Screen();
        Assert.DoesNotContain(screen, c => char.IsControl(c) && c is not '\n' and not '\r');
        Assert.StartsWith("    PID", h.Lines()[0]);
        Assert.Equal(height, h.Lines().Length - (h.Lines()[^1].Length == 0 ? 1 : 0));
    }

    [Fact]
    public void Header_shows_the_sort_indicator_and_the_command_takes_the_rest()
    {
        var (h, _, _, _) = Show(120, 10);
        using var _h = h;
        string header = h.Lines()[0];
        Assert.Contains("▼CPU%", header);
        Assert.EndsWith("Command", header);
        Assert.Contains("/usr/bin/proc", h.Lines()[1]);
    }

    [Fact]
    public void Down_End_and_Home_move_the_selection()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        h.App.InjectKey(Key.CursorDown);
        h.App.InjectKey(Key.CursorDown);
        Assert.Equal(2, model.State.Selected);
        h.App.InjectKey(Key.End);
        Assert.Equal(model.State.Rows.Count - 1, model.State.Selected);
        Assert.Contains(model.State.Rows[^1].Cmdline, h.Lines()[18]);
        h.App.InjectKey(Key.Home);
        Assert.Equal(0, model.State.Selected);
    }

    [Fact]
    public void Selection_stays_on_screen_after_paging_down()
    {
        var (h, model, _, view) = Show(120, 10);
        using var _h = h;
        h.App.InjectKey(Key.PageDown);
        h.App.InjectKey(Key.PageDown);
        h.Screen();
        Assert.InRange(model.State.Selected, view.TopRow, view.TopRow + 7);
        Assert.Equal(model.State.SelectedRow!.Cmdline, h.Lines()[9]);
    }

    [Fact]
    public void Sort_keys_pick_the_column_and_I_inverts()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        h.App.InjectKey(new Key('M'));
        Assert.Contains("▼MEM%", h.Lines()[0]);
        Assert.Equal(model.State.Rows.Max(r => double.Parse(r.Cells[6])), double.Parse(model.State.Rows[0].Cells[6]));
        h.App.InjectKey(new Key('I'));
        Assert.Contains("▲MEM%", h.Lines()[0]);
        h.App.InjectKey(new Key('<'));
        Assert.Contains("▲CPU%", h.Lines()[0]);
        h.App.InjectKey(new Key('>'));
        h.App.InjectKey(new Key('>'));
        Assert.Contains("▲TIME+", h.Lines()[0]);
    }

    [Fact]
    public void Search_jumps_to_the_first_match_and_F3_finds_the_next()
    {
        var (h, model, _, view) = Show();
        using var _h = h;
        h.App.InjectKey(new Key('/'));
        Type(h, "proc2");
        Assert.Contains("proc2", model.State.SelectedRow!.Cmdline);
        Assert.StartsWith("Search: proc2", h.Lines()[19]);
        int first = model.State.Selected;
        h.App.InjectKey(Key.F3);
        Assert.True(model.State.Selected > first);
        Assert.Contains("proc2", model.State.SelectedRow!.Cmdline);
        Type(h, "zzz");
        Assert.StartsWith("Search (not found): proc2zzz", h.Lines()[19]);
        h.App.InjectKey(Key.Esc);
        Assert.Equal(InputMode.None, view.Input.Mode);
        Assert.Equal(model.State.SelectedRow!.Cmdline, h.Lines()[19]);
    }

    [Fact]
    public void Filter_hides_rows_and_Esc_clears_it()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        h.App.InjectKey(new Key('\\'));
        Type(h, "proc1");
        Assert.Equal(11, model.State.Rows.Count);               // proc1, proc10..proc19
        Assert.All(model.State.Rows, r => Assert.Contains("proc1", r.Cmdline));
        Assert.DoesNotContain("/usr/bin/proc2 ", h.Screen());
        h.App.InjectKey(Key.Backspace);
        Assert.Equal(30, model.State.Rows.Count);
        h.App.InjectKey(Key.Esc);
        Assert.Equal(30, model.State.Rows.Count);
    }

    [Fact]
    public void Space_tags_and_moves_down_and_tagged_rows_are_coloured()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        h.App.InjectKey(Key.Space);
        h.App.InjectKey(Key.Space);
        Assert.Equal([true, true, false], model.State.Rows.Take(3).Select(r => r.Tagged));
        Assert.Equal(2, model.State.Selected);
        h.Screen();
        Assert.Equal(Color.BrightYellow, h.App.Driver!.Contents![1, 2].Attribute!.Value.Foreground);
        h.App.InjectKey(new Key('U'));
        Assert.DoesNotContain(model.State.Rows, r => r.Tagged);
    }

    [Fact]
    public void Kill_sends_the_chosen_signal_to_every_tagged_process_after_confirming()
    {
        var (h, model, prompts, view) = Show();
        using var _h = h;
        h.App.InjectKey(Key.Space);
        h.App.InjectKey(Key.Space);
        int[] tagged = model.State.Rows.Where(r => r.Tagged).Select(r => r.Pid).ToArray();
        prompts.Choice = 1;                                        // SIGKILL
        h.App.InjectKey(new Key('k'));
        Assert.Equal(tagged.Select(p => (p, 9)), model.Signalled);
        Assert.EndsWith("15 SIGTERM| 9 SIGKILL| 1 SIGHUP| 2 SIGINT| 3 SIGQUIT|19 SIGSTOP|18 SIGCONT|20 SIGTSTP|10 SIGUSR1|12 SIGUSR2", prompts.Asked[0]);
        Assert.Contains($"Send SIGKILL to 2 processes: {tagged[0]} (", prompts.Asked[1]);
        Assert.StartsWith("SIGKILL sent to 2 processes", view.Message);
    }

    [Fact]
    public void Kill_does_nothing_when_the_confirmation_is_refused()
    {
        var (h, model, prompts, _) = Show();
        using var _h = h;
        prompts.Choice = 0;
        prompts.Confirmed = false;
        h.App.InjectKey(Key.F9);
        Assert.Empty(model.Signalled);
        Assert.Contains($"Send SIGTERM to {model.State.SelectedRow!.Pid} (", prompts.Asked[1]);
    }

    [Fact]
    public void Renice_errors_are_shown_in_words()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        model.ReniceError = "renice 101: EACCES (permission denied)";
        h.App.InjectKey(Key.F7);
        Assert.Equal((model.State.SelectedRow!.Pid, -1), model.Reniced.Single());
        Assert.Equal("renice 101: EACCES (permission denied)", h.Lines()[19]);
        h.App.InjectKey(Key.F8);
        Assert.Equal(+1, model.Reniced[^1].Delta);
    }

    [Fact]
    public void Click_on_a_header_sorts_by_it_and_a_second_click_inverts()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        int pidHeader = h.Lines()[0].IndexOf("PID", StringComparison.Ordinal);
        h.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(pidHeader, 0)));
        Assert.Equal(0, model.State.SortColumn);
        Assert.True(model.State.SortDescending);
        h.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(pidHeader, 0)));
        Assert.False(model.State.SortDescending);
        Assert.Contains("▲PID", h.Lines()[0]);
    }

    [Fact]
    public void Click_on_a_row_selects_it()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        h.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(10, 5)));
        Assert.Equal(4, model.State.Selected);
    }

    [Fact]
    public void Setup_shows_the_columns_chosen()
    {
        var (h, model, prompts, _) = Show();
        using var _h = h;
        prompts.Checked = FakeTableModel.AllColumns.Select(c => c.Id is "PID" or "PPID" or "Command").ToArray();
        h.App.InjectKey(Key.F2);
        Assert.Equal(["PID", "PPID", "Command"], model.State.Columns.Select(c => c.Id));
        Assert.Matches(@"^\s+▼PID\s+PPID Command$", h.Lines()[0]);
    }

    [Fact]
    public void User_filter_lists_the_users()
    {
        var (h, model, prompts, _) = Show();
        using var _h = h;
        prompts.Choice = 2;
        h.App.InjectKey(new Key('u'));
        Assert.Equal("Show processes of: All users|alice|root", prompts.Asked[0]);
        Assert.All(model.State.Rows, r => Assert.Equal("root", r.Cells[1]));
    }

    [Fact]
    public void Right_scrolls_long_command_lines()
    {
        var model = new FakeTableModel([new FakeProcess(1, "root", 1, 1, "/bin/app " + new string('x', 100) + "END")]);
        var (h, _, _, view) = Show(80, 6, model);
        using var _h = h;
        Assert.DoesNotContain("END", h.Lines()[1]);
        for (int i = 0; i < 20; i++) h.App.InjectKey(Key.CursorRight);
        Assert.Contains("END", h.Lines()[1]);
        int left = view.LeftColumn;
        Assert.True(left > 0);
        h.App.InjectKey(Key.CursorLeft);
        Assert.Equal(left - 8, view.LeftColumn);
    }

    [Fact]
    public void Tree_threads_follow_and_subtree_keys_reach_the_model()
    {
        var (h, model, _, _) = Show();
        using var _h = h;
        foreach (var key in new[] { Key.F5, new Key('t'), new Key('+'), new Key('-'), new Key('H'), new Key('F') }) h.App.InjectKey(key);
        Assert.Equal(["tree", "tree", "expand", "collapse", "threads", "follow"], model.Calls);
    }
}
