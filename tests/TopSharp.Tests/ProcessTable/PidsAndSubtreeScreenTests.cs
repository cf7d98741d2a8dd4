using Terminal.Gui.Input;
using TopSharp.Cli;
using TopSharp.Tests.Ui;
using TopSharp.Ui;
using TopSharp.ViewModels.Processes;
using Xunit;

namespace TopSharp.Tests.ProcessTable;

/// <summary><c>-p PID[,PID…]</c> in the dashboard, and the <c>c</c> key, on the headless screen.</summary>
public class PidsAndSubtreeScreenTests
{
    [Fact]
    public void Pid_option_restricts_the_dashboard_table_and_the_foot_line_says_so()
    {
        Assert.True(CommandLineParser.TryParse(["-p", "159,157", "--pid", "1"], out CommandLineOptions options, out string error), error);
        using var dashboard = new FixtureDashboard();

        Dashboard.ApplyFilters(options, dashboard.Vm.Processes);

        Assert.Equal([1, 157, 159], dashboard.Vm.Processes.State.CurrentValue.Rows.Select(r => r.Pid).Order());
        var view = new TopSharp.Ui.ProcessTable.ProcessTableView(dashboard.Vm.Processes, new ScriptedPrompts(), ui: null);
        using var screen = new ScreenHarness(view, 120, 8);
        string[] lines = screen.Lines();
        Assert.Equal(3, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+(1|157|159) ")));
        Assert.StartsWith("PIDs: 1,157,159 │ ", lines[7]);   // the foot line, under the rows
    }

    [Fact]
    public void C_tags_the_selected_process_and_its_descendants()
    {
        using var t = new TableScreen();   // 101 is the parent of 102..130
        t.Table.Vm.SelectKey(t.Table.Row(101).Key);
        t.Press(new Key('c'));

        Assert.Equal(30, t.State.TaggedCount);
        Assert.All(t.State.Rows, r => Assert.True(r.Is(RowFlags.Tagged)));
        t.Table.Vm.UntagAll();
        t.Table.Vm.SelectKey(t.Table.Row(102).Key);
        t.Press(new Key('c'));
        Assert.Equal([102], t.Table.Vm.Tagged.Select(k => k.Pid));
    }
}
