using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Config;

/// <summary>
/// $XDG_CONFIG_HOME/topsharp/config.json. Enums are written by name; a key missing from the file
/// keeps its default, so an older file still loads.
/// </summary>
public sealed record TopSharpConfig
{
    public static TopSharpConfig Default { get; } = new();

    public int Version { get; init; } = 1;

    /// <summary>Refresh interval in seconds, 0.2..60.</summary>
    public double DelaySeconds { get; init; } = SamplingDelay.Default.TotalSeconds;

    /// <summary>A theme name from themes/*.json.</summary>
    public string Theme { get; init; } = "default";

    public LayoutSettings Layout { get; init; } = LayoutSettings.Default;

    public ProcessTableSettings Processes { get; init; } = ProcessTableSettings.Default;

    public TimeSpan Delay => SamplingDelay.Clamp(TimeSpan.FromSeconds(double.IsFinite(DelaySeconds) ? DelaySeconds : SamplingDelay.Default.TotalSeconds));

    /// <summary>Fills what a hand-edited file set to null or emptied, and clamps what is out of range.</summary>
    public TopSharpConfig Normalized()
    {
        ProcessTableSettings processes = Processes ?? ProcessTableSettings.Default;
        if (processes.Columns is null || processes.Columns.Count == 0) processes = processes with { Columns = ColumnCatalogue.Default };
        else processes = processes with { Columns = [.. processes.Columns.Distinct()] };
        return this with
        {
            DelaySeconds = Delay.TotalSeconds,
            Theme = string.IsNullOrWhiteSpace(Theme) ? Default.Theme : Theme,
            Layout = Layout ?? LayoutSettings.Default,
            Processes = processes,
        };
    }
}
