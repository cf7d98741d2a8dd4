using System.Reflection;
using TopSharp.Cli;
using TopSharp.Core.Text;
using TopSharp.Headless;
using TopSharp.Ui;

namespace TopSharp;

/// <summary>
/// From argv to an exit code: 0 done, 1 failed while running, 2 bad options. Every failure is one
/// line on stderr; nothing is thrown to the user.
/// </summary>
internal static class App
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadOptions = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (!CommandLineParser.TryParse(args, out CommandLineOptions options, out string error))
            {
                stderr.WriteLine($"topsharp: {error} (see --help)");
                return BadOptions;
            }
            if (options.ShowHelp)
            {
                stdout.WriteLine(Usage.Text);
                return Ok;
            }
            if (options.ShowVersion)
            {
                stdout.WriteLine($"topsharp {Version}");
                return Ok;
            }
            if (options.Opens) return OpensJsonLines.Run(options, stdout, stderr, scope => Bpf.Opens.OpensTracer.Start(scope));
            return options.Once ? JsonReport.Run(options, stdout) : Dashboard.Run(options);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"topsharp: {e.GetType().Name}: {OneLine(e.Message)}");
            return Failed;
        }
    }

    /// <summary>The informational version without the commit the SDK appends after '+'.</summary>
    public static string Version
    {
        get
        {
            string? v = typeof(App).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return v is null ? "unknown" : v.Split('+')[0];
        }
    }

    private static string OneLine(string message) => TerminalText.Escape(message.ReplaceLineEndings(" "));
}
