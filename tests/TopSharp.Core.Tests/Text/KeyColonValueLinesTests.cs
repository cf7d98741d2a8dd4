using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class KeyColonValueLinesTests
{
    [Fact]
    public void Keys_values_units_and_line_numbers()
    {
        var lines = new KeyColonValueLines("MemTotal:   4011256 kB\n\nHugePages_Total:  12\nName:\t a b \nno colon\n"u8);

        Assert.True(lines.MoveNext());
        Assert.Equal(("MemTotal", "4011256 kB", 1), Current(lines));
        Assert.True(lines.ValueIsKilobytes);
        Assert.True(lines.TryValueBytes(out ulong bytes));
        Assert.Equal(4011256UL * 1024, bytes);

        Assert.True(lines.MoveNext());
        Assert.Equal(("HugePages_Total", "12", 3), Current(lines));
        Assert.False(lines.ValueIsKilobytes);
        Assert.True(lines.TryValueBytes(out ulong count));
        Assert.Equal(12UL, count);
        Assert.True(lines.TryValueUInt64(out ulong n));
        Assert.Equal(12UL, n);

        Assert.True(lines.MoveNext());
        Assert.Equal(("Name", "a b", 4), Current(lines));
        Assert.Equal("\t a b ", Encoding.UTF8.GetString(lines.RawValue));

        Assert.True(lines.MoveNext());
        Assert.False(lines.HasColon);
        Assert.False(lines.MoveNext());
    }

    [Theory]
    [InlineData("X: 18014398509481983 kB", true)]
    [InlineData("X: 18014398509481984 kB", false)]
    [InlineData("X: kB", false)]
    [InlineData("X: 1 MB", false)]
    public void Bytes_never_overflow_silently(string line, bool ok)
    {
        var lines = new KeyColonValueLines(Encoding.UTF8.GetBytes(line));
        Assert.True(lines.MoveNext());
        Assert.Equal(ok, lines.TryValueBytes(out _));
    }

    private static (string, string, int) Current(KeyColonValueLines l) =>
        (Encoding.UTF8.GetString(l.Key), Encoding.UTF8.GetString(l.Value), l.LineNumber);
}
