namespace TopSharp.ViewModels.Sampling;

/// <summary>The refresh interval: 0.2 s to 60 s, stepped by + and - through a fixed ladder.</summary>
public static class SamplingDelay
{
    public static TimeSpan Min { get; } = TimeSpan.FromSeconds(0.2);
    public static TimeSpan Max { get; } = TimeSpan.FromSeconds(60);
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The stops + and - move between.</summary>
    public static IReadOnlyList<TimeSpan> Steps { get; } =
        [.. new[] { 0.2, 0.5, 1, 1.5, 2, 3, 5, 10, 15, 30, 60 }.Select(TimeSpan.FromSeconds)];

    public static TimeSpan Clamp(TimeSpan delay) => delay < Min ? Min : delay > Max ? Max : delay;

    /// <summary>The next longer stop (the - key: refresh less often).</summary>
    public static TimeSpan Longer(TimeSpan delay) => Steps.FirstOrDefault(s => s > delay, Max);

    /// <summary>The next shorter stop (the + key: refresh more often).</summary>
    public static TimeSpan Shorter(TimeSpan delay) => Steps.LastOrDefault(s => s < delay, Min);

    /// <summary>"1.5s", "0.2s", "60s".</summary>
    public static string Format(TimeSpan delay) =>
        delay.TotalSeconds.ToString(delay.TotalSeconds % 1 == 0 ? "0" : "0.0#", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
