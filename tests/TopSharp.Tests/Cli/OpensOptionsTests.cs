using TopSharp.Cli;
using TopSharp.Core.Cgroups;
using Xunit;

namespace TopSharp.Tests.Cli;

public class OpensOptionsTests
{
    private static CommandLineOptions Parse(params string[] args)
    {
        Assert.True(CommandLineParser.TryParse(args, out CommandLineOptions options, out string error), error);
        return options;
    }

    private static string Error(params string[] args)
    {
        Assert.False(CommandLineParser.TryParse(args, out _, out string error));
        return error;
    }

    [Fact]
    public void Opens_with_json_a_pid_and_a_duration()
    {
        CommandLineOptions o = Parse("--opens", "--json", "--pid", "42", "--duration", "2.5");

        Assert.True(o.Opens);
        Assert.Equal([42], o.Pids);
        Assert.Equal(TimeSpan.FromSeconds(2.5), o.Duration);
        Assert.Null(Parse("--opens", "--json").Duration);
        Assert.Null(Parse("--opens", "--json").Cgroup);
        Assert.Equal(new CgroupKey("unified", "/system.slice/ssh.service"), Parse("--opens", "--json", "--cgroup", "/system.slice/ssh.service").Cgroup);
    }

    [Theory]
    [InlineData("--opens needs --json (JSON lines are its only output)", "--opens")]
    [InlineData("--opens and --once are separate modes", "--opens", "--json", "--once")]
    [InlineData("--opens traces one --pid (or all processes without it)", "--opens", "--json", "-p", "1,2")]
    [InlineData("--opens takes only --pid, --cgroup and --duration", "--opens", "--json", "--user", "root")]
    [InlineData("--opens traces one --pid or one --cgroup, not both", "--opens", "--json", "--pid", "1", "--cgroup", "/a")]
    [InlineData("--cgroup needs --once --json or --opens --json", "--cgroup", "/a")]
    [InlineData("--duration needs --opens", "--once", "--json", "--duration", "1")]
    [InlineData("--duration: '0' is not a positive number of seconds", "--opens", "--json", "--duration", "0")]
    [InlineData("--duration: 'x' is not a positive number of seconds", "--opens", "--json", "--duration", "x")]
    public void Wrong_combinations_say_what_is_wrong(string expected, params string[] args) => Assert.Equal(expected, Error(args));
}
