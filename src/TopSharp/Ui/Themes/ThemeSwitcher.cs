using Terminal.Gui.Configuration;
using Terminal.Gui.Drivers;
using TopSharp.Cli;

namespace TopSharp.Ui.Themes;

/// <summary>
/// Registers the shipped themes with Terminal.Gui (as its highest-priority runtime configuration) and
/// switches between them. Terminal.Gui does not repaint on a theme change, so the caller redraws.
/// </summary>
public sealed class ThemeSwitcher(ThemeCatalog catalog, ColorMode colors)
{
    public ThemeCatalog Catalog { get; } = catalog;
    public ColorMode Colors { get; } = colors;

    /// <summary>The theme in use, by its file name.</summary>
    public string Current { get; private set; } = "";

    /// <summary>True when bars must tell their parts apart by glyph, not colour.</summary>
    public bool Monochrome => Current == ThemeCatalog.MonochromeTheme;

    /// <summary>Before Init: every theme, and 16 colours unless the terminal has true colour.</summary>
    public void Register()
    {
        bool force16 = Colors != ColorMode.TrueColor;
        TuiConfigurationBuilder.Shared.RuntimeConfig = Catalog.RuntimeConfig(force16);
        TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        Driver.Force16Colors = force16;
    }

    public void Apply(string name)
    {
        ThemeManager.Theme = ThemeCatalog.TuiName(name);
        Current = name;
    }

    /// <summary>The next theme; with colours off (NO_COLOR, --colors none) it stays monochrome.</summary>
    public string Next()
    {
        if (Colors == ColorMode.None) return Current + " (colours are off: NO_COLOR or --colors none)";
        Apply(Catalog.Next(Current));
        return Current;
    }
}
