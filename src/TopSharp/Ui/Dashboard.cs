using TopSharp.Cli;

namespace TopSharp.Ui;

/// <summary>The interactive dashboard: a placeholder until the ui work replaces this file.</summary>
public static class Dashboard
{
    public static int Run(CommandLineOptions options)
    {
        Console.Error.WriteLine("topsharp: interactive mode not built yet (try --once --json)");
        return 1;
    }
}
