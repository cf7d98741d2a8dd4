using System.Text.Json.Serialization;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Config;

/// <summary>
/// $XDG_CONFIG_HOME/topsharp/config.json. Enums are written by name. Positional with defaults:
/// System.Text.Json passes a default for a key the file leaves out (an init-only property would
/// get default(T) instead), so an older or hand-trimmed file still loads; null means the default.
/// </summary>
public sealed record TopSharpConfig(
    int Version = 1,
    double DelaySeconds = 1.5,
    string? Theme = TopSharpConfig.DefaultTheme,
    LayoutSettings? Layout = null,
    ProcessTableSettings? Processes = null)
{
    public const string DefaultTheme = "default";

    public static TopSharpConfig Default { get; } = new();

    /// <summary>A theme name from themes/*.json.</summary>
    public string Theme { get; init; } = string.IsNullOrWhiteSpace(Theme) ? DefaultTheme : Theme;

    public LayoutSettings Layout { get; init; } = Layout ?? LayoutSettings.Default;

    public ProcessTableSettings Processes { get; init; } = Processes ?? ProcessTableSettings.Default;

    /// <summary>Refresh interval in seconds, clamped to 0.2..60.</summary>
    public double DelaySeconds { get; init; } =
        double.IsFinite(DelaySeconds) ? Math.Clamp(DelaySeconds, SamplingDelay.Min.TotalSeconds, SamplingDelay.Max.TotalSeconds) : 1.5;

    [JsonIgnore]
    public TimeSpan Delay => SamplingDelay.Clamp(TimeSpan.FromSeconds(double.IsFinite(DelaySeconds) ? DelaySeconds : 1.5));
}
