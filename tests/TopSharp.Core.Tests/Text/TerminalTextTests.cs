using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("evil\x1b[2J", "evil\\e[2J")]
    [InlineData("two\nlines\r", "two\\nlines\\r")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("nul\0end", "nul\\0end")]
    [InlineData("bell\x07", "bell\\x07")]
    [InlineData("del\x7f", "del\\x7f")]
    [InlineData("csi\u009b31m", "csi\\u009b31m")]
    [InlineData("nel\u0085", "nel\\u0085")]
    [InlineData("rtl\u202eexe.txt", "rtl\\u202eexe.txt")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    public void Control_characters_become_visible_escapes(string raw, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(raw));

    [Theory]
    [InlineData(@"/system.slice/system-serial\x2dgetty.slice")]
    [InlineData(@"C:\path")]
    [InlineData("kworker/0:1H-kblockd")]
    [InlineData("naïve 日本語 ✓")]
    public void Printable_text_and_backslashes_are_left_as_they_are(string text)
    {
        string shown = TerminalText.Escape(text);
        Assert.Same(text, shown);
    }
}
