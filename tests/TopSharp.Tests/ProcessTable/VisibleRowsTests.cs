using Terminal.Gui.Input;
using TopSharp.ViewModels.Processes;
using Xunit;

namespace TopSharp.Tests.ProcessTable;

/// <summary>The view tells the view model which rows are on screen: whose numa_maps NODE and REMOTE% need.</summary>
public class VisibleRowsTests
{
    private static readonly ProcessTableSettings NodeColumns =
        ProcessTableSettings.Default with { Columns = [ColumnId.Pid, ColumnId.NumaNode, ColumnId.RemotePercent, ColumnId.Command] };

    [Fact]
    public void The_rows_on_screen_are_the_pids_asked_for_and_follow_a_page_down()
    {
        using var t = new TableScreen(120, 10, settings: NodeColumns);   // header + 8 rows + foot line
        Assert.Equal(t.State.Rows.Take(8).Select(r => r.Pid).Order(), t.Table.Vm.NumaMapsPids.CurrentValue.Order());
        Assert.Equal("-", t.Lines()[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);   // nothing read yet

        t.Press(Key.PageDown);
        t.Screen.Screen();
        int top = t.View.TopRow;
        Assert.True(top > 0);
        Assert.Equal(t.State.Rows.Skip(top).Take(8).Select(r => r.Pid).Order(), t.Table.Vm.NumaMapsPids.CurrentValue.Order());
    }

    [Fact]
    public void Without_the_node_columns_no_pid_is_asked_for()
    {
        using var t = new TableScreen(120, 10);
        Assert.Empty(t.Table.Vm.NumaMapsPids.CurrentValue);
    }
}
