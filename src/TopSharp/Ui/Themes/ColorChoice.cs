using TopSharp.Cli;

namespace TopSharp.Ui.Themes;

/// <summary>
/// Picks the colour depth, because Terminal.Gui itself emits 24-bit colour to nearly any TERM and
/// ignores NO_COLOR (https://no-color.org).
/// </summary>
public static class ColorChoice
{
    /// <summary>
    /// <paramref name="colors"/> (<c>--colors</c>) wins; otherwise NO_COLOR set (any value, even empty) gives
    /// None; TERM=linux, vt100, vt220, dumb or screen* gives Sixteen (those consoles cannot show 24-bit
    /// colour whatever COLORTERM says); COLORTERM=truecolor or 24bit gives TrueColor; anything else Sixteen.
    /// </summary>
    public static ColorMode Choose(Func<string, string?> environment, ColorMode? colors)
    {
        if (colors is { } forced) return forced;
        if (environment("NO_COLOR") is not null) return ColorMode.None;
        string term = environment("TERM") ?? "";
        if (term is "linux" or "vt100" or "vt220" or "dumb" || term.StartsWith("screen", StringComparison.Ordinal))
            return ColorMode.Sixteen;
        return (environment("COLORTERM") ?? "").ToLowerInvariant() is "truecolor" or "24bit" ? ColorMode.TrueColor : ColorMode.Sixteen;
    }
}
