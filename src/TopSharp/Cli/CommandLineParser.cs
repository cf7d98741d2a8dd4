using System.Globalization;
using TopSharp.Core;
using TopSharp.Core.Text;

namespace TopSharp.Cli;

/// <summary>
/// Turns argv into <see cref="CommandLineOptions"/>, or into one line saying what is wrong.
/// Accepts <c>--name value</c>, <c>--name=value</c> and <c>-n value</c>.
/// </summary>
public sealed class CommandLineParser
{
    private readonly IReadOnlyList<string> _args;
    private int _next;

    private CommandLineParser(IReadOnlyList<string> args) => _args = args;

    /// <summary>False with <paramref name="error"/> set (one line, arguments escaped by <see cref="TerminalText"/>) for bad options.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CommandLineOptions options, out string error)
    {
        var parser = new CommandLineParser(args);
        error = parser.Parse(out options) ?? "";
        return error.Length == 0;
    }

    private string? Parse(out CommandLineOptions options)
    {
        options = new CommandLineOptions();
        var pids = new List<int>();
        while (_next < _args.Count)
        {
            string arg = _args[_next++];
            int eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=') : -1;
            string name = eq < 0 ? arg : arg[..eq];
            string? inline = eq < 0 ? null : arg[(eq + 1)..];
            string? error = name switch
            {
                "-h" or "--help" => Flag(name, inline, ref options, o => o with { ShowHelp = true }),
                "-V" or "--version" => Flag(name, inline, ref options, o => o with { ShowVersion = true }),
                "--once" => Flag(name, inline, ref options, o => o with { Once = true }),
                "--json" => Flag(name, inline, ref options, o => o with { Json = true }),
                "--numa-maps" => Flag(name, inline, ref options, o => o with { NumaMaps = true }),
                "--opens" => Flag(name, inline, ref options, o => o with { Opens = true }),
                "--duration" => Value(name, inline, "SECONDS", ref options, Duration),
                "--no-bpf" => Flag(name, inline, ref options, o => o with { NoBpf = true }),
                "--syscall-latency" => Flag(name, inline, ref options, o => o with { SyscallLatency = true }),
                "--maps" => Value(name, inline, "PID", ref options, MapsPid),
                "--cgroup" => Value(name, inline, "[HIERARCHY:]PATH", ref options, Cgroup),
                "-d" or "--delay" => Value(name, inline, "SECONDS", ref options, Delay),
                "-p" or "--pid" => Value(name, inline, "PID[,PID...]", ref options, (o, v) => AddPids(o, v, pids)),
                "-u" or "--user" => Value(name, inline, "NAME", ref options, (o, v) => NonEmpty(v, o with { User = v })),
                "--root" => Value(name, inline, "DIR", ref options, Root),
                "--theme" => Value(name, inline, "NAME", ref options, (o, v) => NonEmpty(v, o with { Theme = v })),
                "--colors" => Value(name, inline, "16|truecolor|none", ref options, Colors),
                _ when name.StartsWith('-') && name.Length > 1 => $"unknown option '{TerminalText.Escape(name)}'",
                _ => $"unexpected argument '{TerminalText.Escape(arg)}'",
            };
            if (error is not null) return error;
        }
        if (options.ShowHelp || options.ShowVersion) return null;
        if (options.Opens) return OpensErrors(options);
        if (options.Duration is not null) return "--duration needs --opens";
        if (options.Json && !options.Once) return "--json needs --once or --opens";
        if (options.Once && !options.Json) return "--once needs --json (the JSON report is the only one-shot output)";
        if (options.NumaMaps && !options.Json) return "--numa-maps needs --once --json";
        if (options.SyscallLatency && !options.Json) return "--syscall-latency needs --once --json (the syscall pane has its own key)";
        if (options.MapsPid is not null && !options.Json) return "--maps needs --once --json";
        if (options.Cgroup is not null && !options.Json) return "--cgroup needs --once --json or --opens --json";
        return null;
    }

    private static string? OpensErrors(CommandLineOptions options)
    {
        if (!options.Json) return "--opens needs --json (JSON lines are its only output)";
        if (options.Once) return "--opens and --once are separate modes";
        if (options.Pids.Count > 1) return "--opens traces one --pid (or all processes without it)";
        if (options.Pids.Count > 0 && options.Cgroup is not null) return "--opens traces one --pid or one --cgroup, not both";
        if (options.NumaMaps || options.User is not null || options.SyscallLatency || options.MapsPid is not null) return "--opens takes only --pid, --cgroup and --duration";
        if (options.NoBpf) return "--opens traces with eBPF, which --no-bpf turns off";
        return null;
    }

    private static string? Flag(string name, string? inline, ref CommandLineOptions options, Func<CommandLineOptions, CommandLineOptions> set)
    {
        if (inline is not null) return $"{name} takes no value";
        options = set(options);
        return null;
    }

    /// <summary>Reads the option's value and applies it; the setter returns the new options or an error.</summary>
    private string? Value(string name, string? inline, string what, ref CommandLineOptions options,
        Func<CommandLineOptions, string, (CommandLineOptions? Options, string? Error)> set)
    {
        string? value = inline ?? (_next < _args.Count ? _args[_next++] : null);
        if (value is null) return $"{name} needs a value ({what})";
        (CommandLineOptions? changed, string? error) = set(options, value);
        if (error is not null) return $"{name}: {error}";
        options = changed!;
        return null;
    }

    private static (CommandLineOptions?, string?) MapsPid(CommandLineOptions o, string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid) && pid > 0
            ? (o with { MapsPid = pid }, null)
            : (null, $"'{TerminalText.Escape(value)}' is not a PID");

    /// <summary><c>/PATH</c> in the unified hierarchy, or <c>HIERARCHY:/PATH</c> in the v1 hierarchy of those controllers (<c>cpu,cpuacct:/db</c>).</summary>
    private static (CommandLineOptions?, string?) Cgroup(CommandLineOptions o, string value)
    {
        int colon = value.StartsWith('/') ? -1 : value.IndexOf(':');
        (string hierarchy, string path) = colon < 0 ? ("unified", value) : (value[..colon], value[(colon + 1)..]);
        if (hierarchy.Length == 0 || !path.StartsWith('/'))
            return (null, $"'{TerminalText.Escape(value)}' is not a cgroup: /PATH in the unified hierarchy, or HIERARCHY:/PATH (e.g. cpu,cpuacct:/user.slice)");
        return (o with { Cgroup = new Core.Cgroups.CgroupKey(hierarchy, path.Length > 1 ? path.TrimEnd('/') : path) }, null);
    }

    private static (CommandLineOptions?, string?) Delay(CommandLineOptions o, string value)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || double.IsNaN(seconds))
            return (null, $"'{TerminalText.Escape(value)}' is not a number of seconds");
        if (seconds < CommandLineOptions.MinDelay.TotalSeconds || seconds > CommandLineOptions.MaxDelay.TotalSeconds)
            return (null, $"{value} is outside {CommandLineOptions.MinDelay.TotalSeconds}..{CommandLineOptions.MaxDelay.TotalSeconds} seconds");
        return (o with { Delay = TimeSpan.FromSeconds(seconds) }, null);
    }

    private static (CommandLineOptions?, string?) Duration(CommandLineOptions o, string value)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > 1e6)
            return (null, $"'{TerminalText.Escape(value)}' is not a positive number of seconds");
        return (o with { Duration = TimeSpan.FromSeconds(seconds) }, null);
    }

    private static (CommandLineOptions?, string?) AddPids(CommandLineOptions o, string value, List<int> pids)
    {
        foreach (string part in value.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
                return (null, $"'{TerminalText.Escape(part)}' is not a PID");
            pids.Add(pid);
        }
        return (o with { Pids = pids.ToArray() }, null);
    }

    private static (CommandLineOptions?, string?) Root(CommandLineOptions o, string value)
    {
        if (!Directory.Exists(value)) return (null, $"no such directory '{TerminalText.Escape(value)}'");
        bool tree = Directory.Exists(Path.Join(value, "proc"))
            || (Directory.Exists(Path.Join(value, "t0", "proc")) && Directory.Exists(Path.Join(value, "t1", "proc")));
        if (!tree) return (null, $"'{TerminalText.Escape(value)}' holds neither proc/ nor t0/proc/ and t1/proc/");
        return (o with { Root = new KernelRoot(Path.GetFullPath(value)) }, null);
    }

    private static (CommandLineOptions?, string?) Colors(CommandLineOptions o, string value) => value switch
    {
        "16" => (o with { Colors = ColorMode.Sixteen }, null),
        "truecolor" => (o with { Colors = ColorMode.TrueColor }, null),
        "none" => (o with { Colors = ColorMode.None }, null),
        _ => (null, $"'{TerminalText.Escape(value)}' is not one of 16, truecolor, none"),
    };

    private static (CommandLineOptions?, string?) NonEmpty(string value, CommandLineOptions changed) =>
        value.Length == 0 ? (null, "must not be empty") : (changed, null);
}
