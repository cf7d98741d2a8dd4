using System.Text.Json;

namespace TopSharp.ViewModels.Config;

/// <summary>A loaded config, and the status-line message when the file could not be used.</summary>
public sealed record ConfigLoad(TopSharpConfig Config, string? Message);

/// <summary>
/// Reads and writes config.json in one directory (injectable; <see cref="DefaultDirectory"/> for the
/// real one). Never throws: an unreadable or corrupt file gives the defaults and a message such as
/// "config.json: line 3: '}' is an invalid start of a value — using defaults".
/// </summary>
public sealed class ConfigStore(string directory)
{
    public const string FileName = "config.json";

    public string Directory { get; } = directory;

    public string FilePath => Path.Join(Directory, FileName);

    /// <summary>$XDG_CONFIG_HOME/topsharp, or ~/.config/topsharp when it is unset or not absolute (XDG Base Directory spec).</summary>
    public static string DefaultDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? xdg = environment("XDG_CONFIG_HOME");
        string home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string baseDir = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Join(home, ".config");
        return Path.Join(baseDir, "topsharp");
    }

    public ConfigLoad Load()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ConfigLoad(TopSharpConfig.Default, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Defaults($"cannot read: {e.Message}");
        }
        try
        {
            TopSharpConfig? config = JsonSerializer.Deserialize(bytes, ConfigJsonContext.Default.TopSharpConfig);
            return config is null ? Defaults("the file holds null") : new ConfigLoad(config, null);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"line {line + 1}: " : "";
            string path = e.Path is { Length: > 1 } p ? $"{p}: " : "";
            return Defaults(where + path + Reason(e.Message));
        }
    }

    /// <summary>Writes the file (through a temporary file and a rename); the message on failure, else null.</summary>
    public string? Save(TopSharpConfig config)
    {
        string temp = FilePath + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(config, ConfigJsonContext.Default.TopSharpConfig));
            File.Move(temp, FilePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{FileName}: cannot save: {e.Message}";
        }
    }

    private ConfigLoad Defaults(string reason) => new(TopSharpConfig.Default, $"{FileName}: {reason} — using defaults");

    /// <summary>System.Text.Json's message without its own " Path: … | LineNumber: …" tail, which we print in front.</summary>
    private static string Reason(string message)
    {
        foreach (string tail in new[] { " Path: ", " LineNumber: " })
        {
            int i = message.IndexOf(tail, StringComparison.Ordinal);
            if (i >= 0) message = message[..i];
        }
        return message.TrimEnd();
    }
}
