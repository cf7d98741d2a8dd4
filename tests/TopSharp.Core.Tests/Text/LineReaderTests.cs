using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class LineReaderTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("a\r\nb\n", new[] { "a\r", "b" })]
    public void Splits_on_newline_with_numbers(string text, string[] expected)
    {
        var lines = new LineReader(Encoding.UTF8.GetBytes(text));
        var got = new List<(int, string)>();
        while (lines.MoveNext()) got.Add((lines.LineNumber, Encoding.UTF8.GetString(lines.Current)));
        Assert.Equal(expected.Select((l, i) => (i + 1, l)), got);
    }
}
