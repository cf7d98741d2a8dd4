using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class FieldsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \t ", new string[0])]
    [InlineData("cpu  1 2", new[] { "cpu", "1", "2" })]
    [InlineData("\ta\t \tb ", new[] { "a", "b" })]
    public void Splits_on_runs_of_blanks(string line, string[] expected)
    {
        var fields = new Fields(Encoding.UTF8.GetBytes(line));
        var got = new List<string>();
        while (fields.MoveNext()) got.Add(Encoding.UTF8.GetString(fields.Current));
        Assert.Equal(expected, got);
    }

    [Fact]
    public void Numbers_and_the_rest()
    {
        var fields = new Fields("7 -3  tail of\tline"u8);
        Assert.True(fields.TryNextUInt64(out ulong u));
        Assert.True(fields.TryNextInt64(out long s));
        Assert.Equal((7UL, -3L), (u, s));
        Assert.Equal("tail of\tline", Encoding.UTF8.GetString(fields.Rest));
        Assert.False(fields.TryNextUInt64(out _));
    }

    [Fact]
    public void Missing_field_is_not_a_number()
    {
        var fields = new Fields("1"u8);
        Assert.True(fields.TryNextUInt64(out _));
        Assert.False(fields.TryNextUInt64(out ulong v));
        Assert.Equal(0UL, v);
    }
}
