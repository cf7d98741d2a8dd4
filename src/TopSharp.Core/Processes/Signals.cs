namespace TopSharp.Core.Processes;

/// <summary>A signal a user can send from the process table (signal(7); the numbers of x86-64 and arm64).</summary>
public readonly record struct Signal(int Number, string Name)
{
    public static Signal Hup { get; } = new(1, "SIGHUP");
    public static Signal Int { get; } = new(2, "SIGINT");
    public static Signal Quit { get; } = new(3, "SIGQUIT");
    public static Signal Kill { get; } = new(9, "SIGKILL");
    public static Signal Usr1 { get; } = new(10, "SIGUSR1");
    public static Signal Usr2 { get; } = new(12, "SIGUSR2");
    public static Signal Term { get; } = new(15, "SIGTERM");
    public static Signal Cont { get; } = new(18, "SIGCONT");
    public static Signal Stop { get; } = new(19, "SIGSTOP");
    public static Signal Tstp { get; } = new(20, "SIGTSTP");

    /// <summary>The list a kill menu offers, SIGTERM first.</summary>
    public static IReadOnlyList<Signal> Common { get; } = [Term, Kill, Hup, Int, Quit, Usr1, Usr2, Cont, Stop, Tstp];

    public override string ToString() => $"{Number} {Name}";
}
