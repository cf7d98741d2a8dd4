using System.Text.Json.Nodes;
using Terminal.Gui.Configuration;
using TopSharp.Ui;
using TopSharp.Ui.Themes;
using Xunit;

namespace TopSharp.Tests.Ui;

[Collection(TerminalGuiCollection.Name)]
public sealed class ThemeCatalogTests
{
    [Fact]
    public void Ships_the_five_themes_each_with_every_scheme_the_dashboard_draws_with()
    {
        ThemeCatalog catalog = ThemeCatalog.LoadShipped();
        Assert.Empty(catalog.Errors);
        Assert.Equal(["16-color", "default", "high-contrast", "light", "monochrome"], catalog.Names);
        JsonObject config = JsonNode.Parse(catalog.RuntimeConfig(force16Colors: false))!.AsObject();
        foreach (string name in catalog.Names)
        {
            JsonObject schemes = config["Themes"]![ThemeCatalog.TuiName(name)]!["Schemes"]!.AsObject();
            foreach (string scheme in SchemeNames.All.Append("Base").Append("Menu").Append("Dialog").Append("Error"))
                Assert.True(schemes.ContainsKey(scheme), $"{name} lacks {scheme}");
        }
    }

    [Fact]
    public void The_monochrome_and_16_colour_themes_use_no_24_bit_colour()
    {
        ThemeCatalog catalog = ThemeCatalog.LoadShipped();
        string config = catalog.RuntimeConfig(false);
        JsonNode themes = JsonNode.Parse(config)!["Themes"]!;
        Assert.DoesNotContain("#", themes[ThemeCatalog.TuiName("16-color")]!.ToJsonString());
        var colours = Colours(themes[ThemeCatalog.TuiName("monochrome")]!).Distinct().ToList();
        Assert.Equal(["None"], colours);
    }

    [Fact]
    public void Registered_themes_load_without_errors_and_switch()
    {
        var switcher = new ThemeSwitcher(ThemeCatalog.LoadShipped(), TopSharp.Cli.ColorMode.TrueColor);
        switcher.Register();
        Assert.Empty(TuiJsonErrors.GetErrors());
        foreach (string name in switcher.Catalog.Names)
            Assert.Contains(ThemeCatalog.TuiName(name), ThemeManager.GetThemeNames());
        switcher.Apply("default");
        Assert.Equal("high-contrast", switcher.Next());
        Assert.Equal(ThemeCatalog.TuiName("high-contrast"), ThemeManager.GetCurrentThemeName());
    }

    [Fact]
    public void A_broken_theme_file_is_reported_and_left_out()
    {
        string dir = Directory.CreateTempSubdirectory("topsharp-themes-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "good.json"), """{"Schemes": {"Base": {"Normal": {"Foreground": "White", "Background": "Black"}}}}""");
            File.WriteAllText(Path.Combine(dir, "bad.json"), "{ not json");
            File.WriteAllText(Path.Combine(dir, "shape.json"), """{"Themes": {}}""");
            ThemeCatalog catalog = ThemeCatalog.Load(dir);
            Assert.Equal(["good"], catalog.Names);
            Assert.Equal(2, catalog.Errors.Count);
            Assert.Contains(catalog.Errors, e => e.Contains("bad.json"));
            Assert.Contains(catalog.Errors, e => e.Contains("shape.json") && e.Contains("\"Schemes\""));
            Assert.Equal("good", catalog.Next("good"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<string> Colours(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(kv => kv.Key is "Foreground" or "Background" ? [kv.Value!.GetValue<string>()] : Colours(kv.Value!)),
        _ => [],
    };
}
