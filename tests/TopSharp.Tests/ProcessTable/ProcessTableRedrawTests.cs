using Terminal.Gui.Input;
using Xunit;

namespace TopSharp.Tests.ProcessTable;

/// <summary>The table writes only the cells that differ from the screen, and still repairs cells someone else wrote.</summary>
public class ProcessTableRedrawTests
{
    private static List<int> DirtyLines(TableScreen t)
    {
        var cells = t.Screen.App.Driver!.Contents!;
        return [.. Enumerable.Range(0, cells.GetLength(0)).Where(y => Enumerable.Range(0, cells.GetLength(1)).Any(x => cells[y, x].IsDirty))];
    }

    [Fact]
    public void A_redraw_with_nothing_changed_writes_no_cell()
    {
        using var t = new TableScreen(120, 20);
        t.Screen.Screen();
        t.View.SetNeedsDraw();
        t.View.Draw();
        Assert.Empty(DirtyLines(t));
    }

    [Fact]
    public void Moving_the_selection_rewrites_only_the_two_rows_and_the_foot()
    {
        using var t = new TableScreen(120, 20);
        t.Screen.Screen();
        t.Press(Key.CursorDown);
        t.View.Draw();
        Assert.Equal([1, 2, 19], DirtyLines(t));
    }

    [Fact]
    public void Cells_overwritten_by_another_view_are_drawn_again()
    {
        using var t = new TableScreen(120, 20);
        string[] before = t.Lines();
        var driver = t.Screen.App.Driver!;
        driver.Move(0, 3);
        driver.AddStr("#### left by a closed dialog ####");
        Assert.NotEqual(before[3], t.Lines()[3]);
        t.View.SetNeedsDraw();
        Assert.Equal(before, t.Lines());
    }
}
