namespace TopSharp.Ui.ProcessTable;

/// <summary>The signals the kill chooser offers, SIGTERM first. Numbers per signal(7), Linux x86-64/arm64.</summary>
public static class Signals
{
    public static IReadOnlyList<(int Number, string Name)> Choices { get; } =
    [
        (15, "SIGTERM"), (9, "SIGKILL"), (1, "SIGHUP"), (2, "SIGINT"), (3, "SIGQUIT"),
        (19, "SIGSTOP"), (18, "SIGCONT"), (20, "SIGTSTP"), (10, "SIGUSR1"), (12, "SIGUSR2"),
    ];
}
