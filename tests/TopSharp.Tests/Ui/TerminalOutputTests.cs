using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Ui.Output;
using Xunit;

namespace TopSharp.Tests.Ui;

/// <summary>What reaches the terminal: unchanged cells are not sent again, and a hidden cursor is not re-hidden each iteration.</summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class TerminalOutputTests
{
    /// <summary>A window holding lines of text, redrawn whole (cleared first) on every draw, as the header is.</summary>
    private sealed class Lines : IDisposable
    {
        public Lines(int width, int height)
        {
            H = new Harness(width, height);
            Text = new TextLines { Width = Dim.Fill(), Height = Dim.Fill() };
            Window = new Window { BorderStyle = LineStyle.None };
            Window.Add(Text);
            H.Show(Window);
        }

        public Harness H { get; }
        public Window Window { get; }
        public TextLines Text { get; }
        public Cell[,] Cells => H.App.Driver!.Contents!;

        /// <summary>Draws the window again, as a refresh does, and returns the (column, row) of each cell the driver would send.</summary>
        public List<(int Col, int Row)> Redraw()
        {
            Window.SetNeedsDraw();
            Window.Draw();
            var dirty = new List<(int, int)>();
            for (int row = 0; row < Cells.GetLength(0); row++)
                for (int col = 0; col < Cells.GetLength(1); col++)
                    if (Cells[row, col].IsDirty && H.App.Driver!.GetOutputBuffer().DirtyLines[row]) dirty.Add((col, row));
            return dirty;
        }

        /// <summary>A frame drawn and written, which marks every cell clean.</summary>
        public void Send()
        {
            Window.SetNeedsDraw();
            H.App.LayoutAndDraw();
        }

        public void Dispose()
        {
            H.Dispose();
            Window.Dispose();
        }
    }

    private sealed class TextLines : View
    {
        public string[] Rows { get; set; } = [];

        protected override bool OnDrawingContent(DrawContext? context)
        {
            for (int y = 0; y < Rows.Length; y++) AddStr(0, y, Rows[y]);
            return true;
        }
    }

    [Fact]
    public void Without_the_filter_a_redraw_sends_every_cell_again()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["CPU[|||| 12.0%]", "Mem[|| 1.2G/8G]"];
        l.Send();
        Assert.Equal(40 * 5, l.Redraw().Count);
    }

    [Fact]
    public void A_redraw_with_nothing_changed_sends_no_cell()
    {
        using var l = new Lines(40, 5);
        using var filter = new UnchangedCellFilter(l.H.App, l.Window);
        l.Text.Rows = ["CPU[|||| 12.0%]", "Mem[|| 1.2G/8G]"];
        l.Send();
        Assert.Empty(l.Redraw());
    }

    [Fact]
    public void Only_changed_cells_are_sent_and_a_gap_shorter_than_a_cursor_move_goes_along()
    {
        using var l = new Lines(40, 5);
        using var filter = new UnchangedCellFilter(l.H.App, l.Window);
        l.Text.Rows = ["CPU[||||      12.0%]   load 0.52", "Mem[||     1.2G/8G]"];
        l.Send();
        l.Text.Rows = ["CPU[|||||     13.0%]   load 0.61", "Mem[|||    1.3G/8G]"];
        // Row 0 changed at 8, 15, 30 and 31. The 6 cells between 8 and 15 cost less than ESC[1;16H (7 bytes);
        // the 14 before 30 do not. Row 1 changed at 6 and 13: the 6 cells between go along too.
        int[] row0 = [8, 9, 10, 11, 12, 13, 14, 15, 30, 31], row1 = [6, 7, 8, 9, 10, 11, 12, 13];
        Assert.Equal([.. row0.Select(c => (c, 0)), .. row1.Select(c => (c, 1))], l.Redraw());
    }

    [Fact]
    public void A_cleared_screen_is_sent_whole()
    {
        using var l = new Lines(40, 5);
        using var filter = new UnchangedCellFilter(l.H.App, l.Window);
        l.Text.Rows = ["CPU[|||| 12.0%]"];
        l.Send();
        l.H.App.Driver!.ClearContents();
        Assert.Equal(40 * 5, l.Redraw().Count);
    }

    [Fact]
    public void A_hidden_cursor_is_not_set_again_each_iteration()
    {
        using var l = new Lines(40, 5);
        using var gate = new HiddenCursorGate(l.H.App);
        IDriver driver = l.H.App.Driver!;
        driver.SetCursor(new Cursor());
        driver.SetCursorNeedsUpdate(true);
        l.H.App.RaiseIteration();
        Assert.False(driver.GetCursorNeedsUpdate());
    }

    [Fact]
    public void A_view_showing_its_cursor_keeps_it_updated()
    {
        using var l = new Lines(40, 5);
        using var gate = new HiddenCursorGate(l.H.App);
        var field = new TextField { Y = 2, Width = 10, Text = "abc" };
        l.Window.Add(field);
        field.SetFocus();
        l.Send();
        l.H.App.Navigation!.UpdateCursor();
        l.H.App.Driver!.SetCursorNeedsUpdate(true);
        l.H.App.RaiseIteration();
        Assert.True(l.H.App.Driver.GetCursorNeedsUpdate());
    }
}
