using TopSharp.Ui.Header;
using Xunit;

namespace TopSharp.Tests.Ui;

public sealed class MeterLayoutTests
{
    private static string Glyphs(MeterBar.Cell[] cells) => new(cells.Select(c => c.Glyph).ToArray());

    [Fact]
    public void Segments_fill_in_order_and_text_sits_at_the_right()
    {
        MeterBar.Cell[] cells = MeterBar.Layout(20, [new(0.25, "u", '|'), new(0.25, "s", '#')], "50.0%");
        Assert.Equal("|||||#####     50.0%", Glyphs(cells));
        Assert.Equal(0, cells[4].Segment);
        Assert.Equal(1, cells[5].Segment);
        Assert.Equal(MeterBar.EmptyCell, cells[10].Segment);
        Assert.Equal(MeterBar.TextCell, cells[19].Segment);
    }

    [Fact]
    public void Parts_add_up_exactly_and_never_overflow()
    {
        // Three thirds of 10 cells: rounding each alone gives 3+3+3, the running total gives all 10.
        MeterBar.Cell[] cells = MeterBar.Layout(10, [new(1 / 3.0, "a", 'a'), new(1 / 3.0, "b", 'b'), new(1 / 3.0, "c", 'c')], "");
        Assert.Equal("aaabbbbccc", Glyphs(cells));
        Assert.Equal("xxxxy", Glyphs(MeterBar.Layout(5, [new(0.8, "x", 'x'), new(0.8, "y", 'y')], "")));
        Assert.Equal("     ", Glyphs(MeterBar.Layout(5, [new(-1, "x", 'x'), new(double.NaN, "y", 'y')], "")));
    }

    [Fact]
    public void Text_wider_than_the_bar_is_left_out_and_zero_width_is_empty()
    {
        Assert.Equal("||  ", Glyphs(MeterBar.Layout(4, [new(0.5, "u", '|')], "100.0%")));
        Assert.Empty(MeterBar.Layout(0, [new(0.5, "u", '|')], "1%"));
        Assert.Empty(MeterBar.Layout(-3, [], ""));
    }

    [Theory]
    [InlineData(2, 200, 2, 1)]
    [InlineData(8, 200, 2, 4)]
    [InlineData(16, 200, 4, 4)]
    [InlineData(64, 200, 8, 8)]
    [InlineData(256, 200, 8, 32)]     // 16 columns would be 12 wide: halved to 8
    [InlineData(8, 20, 1, 8)]
    [InlineData(1, 200, 1, 1)]
    [InlineData(0, 200, 1, 0)]
    public void Cpus_fold_into_columns_like_htop(int cpus, int width, int columns, int rows) =>
        Assert.Equal(new CpuGrid(columns, rows), CpuGrid.For(cpus, width));

    [Fact]
    public void Cpus_run_down_each_column()
    {
        CpuGrid grid = CpuGrid.For(8, 200);
        Assert.Equal((0, 3), grid.Place(3));
        Assert.Equal((1, 0), grid.Place(4));
    }
}
