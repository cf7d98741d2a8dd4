using System.Text.Json;
using System.Text.Json.Nodes;

namespace TopSharp.Ui.Themes;

/// <summary>
/// The colour themes shipped in <c>themes/*.json</c>: one theme per file, named after the file
/// (<c>themes/dark.json</c> is <c>dark</c>), holding Terminal.Gui's <c>{"Schemes": {…}}</c> object.
/// Inside Terminal.Gui each is registered as <c>TopSharp NAME</c>, so none merges into a built-in theme
/// of the same name (configuration keys ignore case: our <c>dark</c> would land in its <c>Dark</c>).
/// </summary>
public sealed class ThemeCatalog
{
    public const string DefaultTheme = "default";
    public const string MonochromeTheme = "monochrome";
    public const string SixteenColorTheme = "16-color";

    private readonly JsonObject _themes;

    private ThemeCatalog(IReadOnlyList<string> names, JsonObject themes, IReadOnlyList<string> errors)
    {
        Names = names;
        _themes = themes;
        Errors = errors;
    }

    /// <summary>Theme names, sorted; the order <see cref="Next"/> cycles through.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Files that could not be read, one message each; those themes are left out.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The shipped themes, beside the executable.</summary>
    public static ThemeCatalog LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "themes"));

    public static ThemeCatalog Load(string directory)
    {
        var names = new List<string>();
        var errors = new List<string>();
        var themes = new JsonObject();
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json") : [];
        if (files.Length == 0) errors.Add($"no themes in {directory}: using Terminal.Gui's default colours");
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject { } theme || theme["Schemes"] is not JsonObject)
                {
                    errors.Add($"{file}: expected an object with \"Schemes\"");
                    continue;
                }
                themes[TuiName(name)] = theme;
                names.Add(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                errors.Add($"{file}: {e.Message}");
            }
        }
        return new ThemeCatalog(names, themes, errors);
    }

    /// <summary>The name Terminal.Gui knows <paramref name="name"/> by.</summary>
    public static string TuiName(string name) => "TopSharp " + name;

    public bool Contains(string name) => Names.Contains(name);

    /// <summary>The theme after <paramref name="current"/>, wrapping round.</summary>
    public string Next(string current)
    {
        if (Names.Count == 0) return current;
        int i = Names.ToList().IndexOf(current);
        return Names[(i + 1) % Names.Count];
    }

    /// <summary>Terminal.Gui's runtime configuration: every theme, and whether to force 16 colours.</summary>
    public string RuntimeConfig(bool force16Colors) => new JsonObject
    {
        ["Themes"] = _themes.DeepClone(),
        ["Driver"] = new JsonObject { ["Force16Colors"] = force16Colors },
    }.ToJsonString();
}
