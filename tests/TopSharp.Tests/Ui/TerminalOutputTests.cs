using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Ui.Output;
using Xunit;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Tests.Ui;

/// <summary>What reaches the terminal: only changed cells, by short moves, and a hidden cursor is not re-hidden each iteration.</summary>
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
        public FrameEncoder Encoder { get; } = new() { Force16Colors = true };
        public Terminal Terminal { get; } = new();

        /// <summary>Draws the window again, as a refresh does, encodes the frame and plays it on <see cref="Terminal"/>; returns the bytes.</summary>
        public string Frame()
        {
            // A view excludes what it drew from the clip; a frame starts from the whole screen, as LayoutAndDraw does.
            H.App.Driver!.Clip = new Region(H.App.Driver.Screen);
            Window.SetNeedsDraw();
            Text.SetNeedsDraw();
            Window.Draw();
            var output = new StringBuilder();
            Encoder.Encode(H.App.Driver!.Contents!, H.App.Driver.GetOutputBuffer().DirtyLines, output);
            Terminal.Play(output.ToString(), H.App.Driver.Cols, H.App.Driver.Rows);
            return output.ToString();
        }

        /// <summary>What the driver's buffer holds, row by row.</summary>
        public string[] Expected()
        {
            Cell[,] cells = H.App.Driver!.Contents!;
            return [.. Enumerable.Range(0, cells.GetLength(0)).Select(r => string.Concat(Enumerable.Range(0, cells.GetLength(1)).Select(c => cells[r, c].Grapheme)))];
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

    /// <summary>
    /// A terminal that understands what <see cref="FrameEncoder"/> sends (text, CR, CUP, CUU/CUD/CUF/CUB, CHA,
    /// VPA, EL, SGR, DECSTBM, SU, SD), and fails on anything else, so a test sees the screen those bytes leave.
    /// </summary>
    internal sealed class Terminal
    {
        private char[,] _screen = new char[0, 0];
        private int _row, _col, _top, _bottom;

        public void Play(string bytes, int cols, int rows)
        {
            if (_screen.GetLength(0) != rows || _screen.GetLength(1) != cols)
            {
                _screen = new char[rows, cols];
                for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) _screen[r, c] = '?';
                (_top, _bottom) = (0, rows - 1);
            }
            for (int i = 0; i < bytes.Length; i++)
            {
                char ch = bytes[i];
                if (ch == '\r') { _col = 0; continue; }
                if (ch != '\e') { _screen[_row, _col] = ch; _col = Math.Min(_col + 1, cols - 1); continue; }
                Assert.Equal('[', bytes[++i]);
                int start = ++i;
                while (bytes[i] is (>= '0' and <= '9') or ';') i++;
                bool none = start == i;
                int[] p = [.. bytes[start..i].Split(';').Select(s => s.Length == 0 ? 1 : int.Parse(s))];
                switch (bytes[i])
                {
                    case 'H': (_row, _col) = (p[0] - 1, p.Length > 1 ? p[1] - 1 : 0); break;
                    case 'A': _row -= p[0]; break;
                    case 'B': _row += p[0]; break;
                    case 'C': _col += p[0]; break;
                    case 'D': _col -= p[0]; break;
                    case 'G': _col = p[0] - 1; break;
                    case 'd': _row = p[0] - 1; break;
                    case 'K': for (int c = _col; c < cols; c++) _screen[_row, c] = ' '; break;
                    case 'm': break;
                    case 'r': (_top, _bottom, _row, _col) = (none ? 0 : p[0] - 1, none ? rows - 1 : p[1] - 1, 0, 0); break;
                    case 'S': Shift(p[0], cols); break;
                    case 'T': Shift(-p[0], cols); break;
                    default: Assert.Fail($"unexpected sequence ending in {bytes[i]}"); break;
                }
                Assert.InRange(_row, 0, rows - 1);
                Assert.InRange(_col, 0, cols - 1);
            }
        }

        /// <summary>Scrolls the region up (positive) or down, blanking the rows scrolled in.</summary>
        private void Shift(int up, int cols)
        {
            var old = (char[,])_screen.Clone();
            for (int r = _top; r <= _bottom; r++)
                for (int c = 0; c < cols; c++)
                    _screen[r, c] = r + up >= _top && r + up <= _bottom ? old[r + up, c] : ' ';
        }

        public string[] Rows() =>
            [.. Enumerable.Range(0, _screen.GetLength(0)).Select(r => new string(Enumerable.Range(0, _screen.GetLength(1)).Select(c => _screen[r, c]).ToArray()))];
    }

    [Fact]
    public void The_first_frame_is_sent_whole_and_shows_the_buffer()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["CPU[|||| 12.0%]", "Mem[|| 1.2G/8G]"];
        l.Frame();
        Assert.Equal(l.Expected(), l.Terminal.Rows());
    }

    [Fact]
    public void A_redraw_with_nothing_changed_sends_nothing()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["CPU[|||| 12.0%]", "Mem[|| 1.2G/8G]"];
        l.Frame();
        Assert.Equal("", l.Frame());
    }

    [Fact]
    public void Only_changed_cells_are_sent_by_the_shortest_moves()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["CPU[||||      12.0%]   load 0.52", "Mem[||     1.2G/8G]"];
        l.Frame();
        l.Text.Rows = ["CPU[|||||     13.0%]   load 0.61", "Mem[|||    1.3G/8G]"];
        string sent = l.Frame();
        Assert.Equal(l.Expected(), l.Terminal.Rows());
        // Row 0 changes at 8, 15, 30 and 31, row 1 at 6 and 13: CUP to the first change of a row, CUF along it.
        Assert.Equal("\e[1;9H|\e[6C3\e[14C61\e[2;7H|\e[6C3", sent);
    }

    [Fact]
    public void A_shortened_line_is_erased_to_its_end()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["/usr/bin/python3 -m http.server 8080"];
        l.Frame();
        l.Text.Rows = ["/usr/bin/top"];
        string sent = l.Frame();
        Assert.Equal(l.Expected(), l.Terminal.Rows());
        Assert.Equal("\e[1;10Htop\e[K", sent);
    }

    [Fact]
    public void Rows_that_moved_up_are_scrolled_rather_than_written_again()
    {
        using var l = new Lines(60, 12);
        string[] table = [.. Enumerable.Range(0, 10).Select(i => $"{100 + i,7} root  20   0 S   0.0 sleep 600 #{i}")];
        l.Text.Rows = ["header", .. table];
        l.Frame();
        l.Text.Rows = ["header", .. table.Skip(1)];   // the first row's process exited
        string sent = l.Frame();

        Assert.Equal(l.Expected(), l.Terminal.Rows());
        Assert.StartsWith("\e[2;12r\e[S\e[r", sent);  // the blank row below moved up too
        Assert.True(sent.Length < 40, sent);
    }

    [Fact]
    public void Rows_that_moved_down_are_scrolled_too()
    {
        using var l = new Lines(60, 12);
        string[] table = [.. Enumerable.Range(0, 10).Select(i => $"{100 + i,7} root  20   0 S   0.0 sleep 600 #{i}")];
        l.Text.Rows = ["header", .. table.Skip(1)];
        l.Frame();
        l.Text.Rows = ["header", .. table];   // a process came in above them
        string sent = l.Frame();

        Assert.Equal(l.Expected(), l.Terminal.Rows());
        Assert.StartsWith("\e[2;11r\e[T\e[r", sent);
    }

    [Fact]
    public void A_forgotten_screen_is_sent_whole()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["CPU[|||| 12.0%]"];
        l.Frame();
        l.Encoder.Forget();
        l.H.App.Driver!.ClearContents();
        string sent = l.Frame();
        Assert.Equal(l.Expected(), l.Terminal.Rows());
        Assert.Contains("CPU[|||| 12.0%]", sent);
    }

    [Fact]
    public void The_dashboard_application_writes_through_the_frame_output()
    {
        using IApplication app = FrameOutput.CreateApplication();
        app.Driver!.SetScreenSize(30, 4);
        using var window = new Window { BorderStyle = LineStyle.None };
        window.Add(new Label { Text = "load 0.52" });
        SessionToken? token = app.Begin(window);
        app.LayoutAndDraw();

        IOutput output = app.Driver.GetOutput();
        Assert.IsType<FrameOutput>(output);
        Assert.Contains("load 0.52", output.GetLastOutput());
        app.End(token!);
    }

    [Theory]
    [InlineData(-1, 0, 4, 9, "\e[5;10H")]  // place unknown: absolute
    [InlineData(4, 2, 4, 9, "\e[7C")]
    [InlineData(4, 9, 4, 2, "\e[7D")]
    [InlineData(4, 9, 5, 0, "\e[6H")]       // a tie goes to the absolute move
    [InlineData(40, 9, 41, 0, "\e[B\r")]
    [InlineData(4, 9, 5, 9, "\e[B")]
    [InlineData(4, 150, 4, 3, "\e[4G")]
    [InlineData(40, 150, 2, 150, "\e[3d")]
    [InlineData(10, 5, 30, 170, "\e[31;171H")]
    [InlineData(3, 5, 0, 0, "\e[H")]
    public void A_cursor_move_is_the_shortest_sequence(int fromRow, int fromCol, int toRow, int toCol, string expected)
    {
        var output = new StringBuilder();
        CursorMoves.Append(output, fromRow, fromCol, toRow, toCol);
        Assert.Equal(expected, output.ToString());
        Assert.Equal(expected.Length, CursorMoves.Length(fromRow, fromCol, toRow, toCol));
    }

    [Fact]
    public void A_gap_shorter_than_the_move_is_sent_again()
    {
        using var l = new Lines(40, 5);
        l.Text.Rows = ["load 0.52 1.61"];
        l.Frame();
        l.Text.Rows = ["load 0.53 2.61"];
        Assert.Equal("\e[1;9H3 2", l.Frame());     // one cell again rather than ESC[C
        Assert.Equal(l.Expected(), l.Terminal.Rows());
    }

    [Fact]
    public void A_pen_change_names_only_what_changed()
    {
        var white = new Attribute(Color.White, Color.Black);
        var output = new StringBuilder();
        PenChange.Append(output, null, white, force16Colors: true);
        Assert.Equal("\e[0;97;40m", output.ToString());
        PenChange.Append(output.Clear(), white, white with { Foreground = Color.Red }, force16Colors: true);
        Assert.Equal("\e[31m", output.ToString());
        PenChange.Append(output.Clear(), white with { Style = TextStyle.Bold | TextStyle.Faint }, white with { Style = TextStyle.Faint }, force16Colors: false);
        Assert.Equal("\e[22;2m", output.ToString());
        PenChange.Append(output.Clear(), white, white with { Background = Color.Blue }, force16Colors: false);
        Assert.Equal("\e[48;2;0;0;255m", output.ToString());
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
        l.H.App.LayoutAndDraw();
        l.H.App.Navigation!.UpdateCursor();
        l.H.App.Driver!.SetCursorNeedsUpdate(true);
        l.H.App.RaiseIteration();
        Assert.True(l.H.App.Driver.GetCursorNeedsUpdate());
    }
}
