using TopSharp.Cli;

namespace TopSharp.Ui.Themes;

/// <summary>The theme the dashboard starts with.</summary>
public static class ThemeChoice
{
    /// <summary>
    /// No colour means the monochrome theme whatever was asked; otherwise <paramref name="requested"/>
    /// (<c>--theme</c>, or the saved one) when it exists; otherwise the 16-colour theme on a 16-colour
    /// terminal and the default theme on a true-colour one. <paramref name="warning"/> says why a request was not honoured.
    /// </summary>
    public static string Initial(string? requested, ColorMode colors, IReadOnlyCollection<string> available, out string? warning)
    {
        warning = null;
        if (colors == ColorMode.None)
        {
            if (requested is not null && requested != ThemeCatalog.MonochromeTheme)
                warning = $"theme '{requested}' ignored: colours are off (NO_COLOR or --colors none)";
            return ThemeCatalog.MonochromeTheme;
        }
        if (requested is not null)
        {
            if (available.Contains(requested)) return requested;
            warning = $"no theme '{requested}'; themes: {string.Join(", ", available)}";
        }
        return colors == ColorMode.Sixteen ? ThemeCatalog.SixteenColorTheme : ThemeCatalog.DefaultTheme;
    }
}
