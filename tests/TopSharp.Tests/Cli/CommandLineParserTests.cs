using TopSharp.Cli;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Tests.Cli;

public class CommandLineParserTests
{
    private static CommandLineOptions Parse(params string[] args)
    {
        Assert.True(CommandLineParser.TryParse(args, out CommandLineOptions options, out string error), error);
        return options;
    }

    private static string Error(params string[] args)
    {
        Assert.False(CommandLineParser.TryParse(args, out _, out string error));
        Assert.DoesNotContain('\n', error);
        return error;
    }

    [Fact]
    public void No_arguments_is_the_live_dashboard_at_one_second()
    {
        CommandLineOptions o = Parse();

        Assert.Equal(TimeSpan.FromSeconds(1), o.Delay);
        Assert.True(o.Root.IsLive);
        Assert.False(o.Once);
        Assert.Empty(o.Pids);
        Assert.Null(o.User);
        Assert.Null(o.Colors);
    }

    [Fact]
    public void Every_option_in_both_spellings()
    {
        string root = Fixtures.Dir("numa4-cgroup2");
        CommandLineOptions o = Parse("-d", "0.5", "-p", "1,42", "--pid=7", "-u", "root", "--theme", "nord", "--colors", "truecolor", "--root", root);

        Assert.Equal(TimeSpan.FromSeconds(0.5), o.Delay);
        Assert.Equal([1, 42, 7], o.Pids);
        Assert.Equal("root", o.User);
        Assert.Equal("nord", o.Theme);
        Assert.Equal(ColorMode.TrueColor, o.Colors);
        Assert.Equal(Path.GetFullPath(root), o.Root.Path);
        Assert.Equal(TimeSpan.FromSeconds(60), Parse("--delay=60").Delay);
        Assert.Equal(ColorMode.Sixteen, Parse("--colors=16").Colors);
        Assert.Equal(ColorMode.None, Parse("--colors", "none").Colors);
        Assert.Equal("1000", Parse("--user=1000").User);
    }

    [Fact]
    public void Once_and_json_go_together()
    {
        CommandLineOptions o = Parse("--once", "--json", "--delay", "0.2");

        Assert.True(o.Once);
        Assert.True(o.Json);
        Assert.Equal("--json needs --once or --opens", Error("--json"));
        Assert.StartsWith("--once needs --json", Error("--once"));
    }

    [Fact]
    public void Help_and_version_win_over_missing_companions()
    {
        Assert.True(Parse("--json", "--help").ShowHelp);
        Assert.True(Parse("-V").ShowVersion);
    }

    [Theory]
    [InlineData("--delay", "0.1", "--delay: 0.1 is outside 0.2..60 seconds")]
    [InlineData("--delay", "61", "--delay: 61 is outside 0.2..60 seconds")]
    [InlineData("-d", "-1", "-d: '-1' is not a number of seconds")]
    [InlineData("-d", "NaN", "-d: 'NaN' is not a number of seconds")]
    [InlineData("-d", "99999999999999999999", "-d: 99999999999999999999 is outside 0.2..60 seconds")]
    [InlineData("--pid", "1,x", "--pid: 'x' is not a PID")]
    [InlineData("-p", "0", "-p: '0' is not a PID")]
    [InlineData("--maps", "self", "--maps: 'self' is not a PID")]
    [InlineData("--colors", "256", "--colors: '256' is not one of 16, truecolor, none")]
    [InlineData("--user", "", "--user: must not be empty")]
    [InlineData("--root", "/nonexistent/topsharp", "--root: no such directory '/nonexistent/topsharp'")]
    [InlineData("--root", "/usr", "--root: '/usr' holds neither proc/ nor t0/proc/ and t1/proc/")]
    public void Bad_values_name_the_option_and_the_value(string option, string value, string expected)
    {
        Assert.Equal(expected, Error(option, value));
    }

    [Theory]
    [InlineData("--frobnicate", "unknown option '--frobnicate'")]
    [InlineData("-x", "unknown option '-x'")]
    [InlineData("stray", "unexpected argument 'stray'")]
    [InlineData("--delay", "--delay needs a value (SECONDS)")]
    [InlineData("--once=yes", "--once takes no value")]
    public void Bad_options_say_what_is_wrong(string arg, string expected)
    {
        Assert.Equal(expected, Error(arg));
    }

    [Fact]
    public void Maps_takes_a_pid_and_needs_the_json_report()
    {
        Assert.Equal("--maps needs --once --json", Error("--maps", "42"));
        Assert.True(CommandLineParser.TryParse(["--once", "--json", "--maps=42"], out CommandLineOptions o, out _));
        Assert.Equal(42, o.MapsPid);
    }

    [Theory]
    [InlineData("/system.slice/ssh.service", "unified", "/system.slice/ssh.service")]
    [InlineData("/batch/job2/", "unified", "/batch/job2")]
    [InlineData("/", "unified", "/")]
    [InlineData("/odd:name", "unified", "/odd:name")]
    [InlineData("cpu,cpuacct:/db", "cpu,cpuacct", "/db")]
    public void Cgroup_names_a_group_in_the_unified_hierarchy_or_a_v1_one(string value, string hierarchy, string path) =>
        Assert.Equal(new Core.Cgroups.CgroupKey(hierarchy, path), Parse("--once", "--json", "--cgroup", value).Cgroup);

    [Fact]
    public void Cgroup_needs_the_json_report_and_a_path()
    {
        Assert.Equal("--cgroup needs --once --json or --opens --json", Error("--cgroup", "/a"));
        Assert.Equal("--cgroup: 'a/b' is not a cgroup: /PATH in the unified hierarchy, or HIERARCHY:/PATH (e.g. cpu,cpuacct:/user.slice)",
            Error("--once", "--json", "--cgroup", "a/b"));
        Assert.StartsWith("--cgroup: ':/a' is not a cgroup", Error("--once", "--json", "--cgroup", ":/a"));
        Assert.Equal(new Core.Cgroups.CgroupKey("unified", "/a"), Parse("--opens", "--json", "--cgroup", "/a").Cgroup);
    }

    [Fact]
    public void Control_characters_in_a_bad_argument_are_escaped()
    {
        Assert.Equal(@"unknown option '--\e[31mred'", Error("--\u001b[31mred"));
    }
}
