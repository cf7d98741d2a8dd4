using TopSharp.Cli;
using TopSharp.Ui.Themes;
using Xunit;

namespace TopSharp.Tests.Ui;

public sealed class ColorChoiceTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("xterm-256color", "truecolor", ColorMode.TrueColor)]
    [InlineData("xterm-256color", "24bit", ColorMode.TrueColor)]
    [InlineData("tmux-256color", "TrueColor", ColorMode.TrueColor)]
    [InlineData("xterm-256color", null, ColorMode.Sixteen)]
    [InlineData("xterm-256color", "yes", ColorMode.Sixteen)]
    [InlineData("screen-256color", "truecolor", ColorMode.Sixteen)]
    [InlineData("screen", null, ColorMode.Sixteen)]
    [InlineData("linux", "truecolor", ColorMode.Sixteen)]
    [InlineData("vt100", "truecolor", ColorMode.Sixteen)]
    [InlineData(null, null, ColorMode.Sixteen)]
    public void Terminal_decides_without_options(string? term, string? colorterm, ColorMode expected)
    {
        var vars = new List<(string, string)>();
        if (term is not null) vars.Add(("TERM", term));
        if (colorterm is not null) vars.Add(("COLORTERM", colorterm));
        Assert.Equal(expected, ColorChoice.Choose(Env([.. vars]), null));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    public void NO_COLOR_with_any_value_means_none(string value) =>
        Assert.Equal(ColorMode.None, ColorChoice.Choose(Env(("NO_COLOR", value), ("COLORTERM", "truecolor")), null));

    [Theory]
    [InlineData(ColorMode.TrueColor)]
    [InlineData(ColorMode.Sixteen)]
    [InlineData(ColorMode.None)]
    public void Colors_option_overrides_the_environment(ColorMode forced)
    {
        Assert.Equal(forced, ColorChoice.Choose(Env(("NO_COLOR", "1"), ("TERM", "linux")), forced));
        Assert.Equal(forced, ColorChoice.Choose(Env(("COLORTERM", "truecolor")), forced));
    }
}
