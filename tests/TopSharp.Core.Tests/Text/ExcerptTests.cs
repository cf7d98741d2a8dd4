using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class ExcerptTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("bad ) \u001b[31mname", @"bad ) \x1b[31mname")]
    [InlineData("nl\nthread\t)", @"nl\x0athread\x09)")]
    public void Control_characters_are_escaped(string text, string expected) =>
        Assert.Equal(expected, Excerpt.Of(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Long_text_is_cut()
    {
        string e = Excerpt.Of(Encoding.UTF8.GetBytes(new string('a', 1000)));
        Assert.Equal(new string('a', Excerpt.MaxChars) + "…", e);
    }

    [Fact]
    public void Invalid_utf8_is_replaced() => Assert.Equal("x\uFFFD", Excerpt.Of([(byte)'x', 0xff]));
}
