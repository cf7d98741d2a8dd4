using TopSharp.Cli;
using TopSharp.Ui.Themes;
using Xunit;

namespace TopSharp.Tests.Ui;

public sealed class ThemeChoiceTests
{
    private static readonly string[] Shipped = ["16-color", "default", "high-contrast", "light", "monochrome"];

    [Theory]
    [InlineData(null, ColorMode.TrueColor, "default")]
    [InlineData(null, ColorMode.Sixteen, "16-color")]
    [InlineData(null, ColorMode.None, "monochrome")]
    [InlineData("light", ColorMode.TrueColor, "light")]
    [InlineData("light", ColorMode.Sixteen, "light")]
    [InlineData("high-contrast", ColorMode.None, "monochrome")]
    public void Picks_the_starting_theme(string? requested, ColorMode colors, string expected) =>
        Assert.Equal(expected, ThemeChoice.Initial(requested, colors, Shipped, out _));

    [Fact]
    public void An_unknown_theme_falls_back_and_names_the_choices()
    {
        Assert.Equal("default", ThemeChoice.Initial("solarized", ColorMode.TrueColor, Shipped, out string? warning));
        Assert.Equal("no theme 'solarized'; themes: 16-color, default, high-contrast, light, monochrome", warning);
    }

    [Fact]
    public void A_theme_asked_for_with_colours_off_says_why_it_is_ignored()
    {
        ThemeChoice.Initial("light", ColorMode.None, Shipped, out string? warning);
        Assert.Equal("theme 'light' ignored: colours are off (NO_COLOR or --colors none)", warning);
    }
}
