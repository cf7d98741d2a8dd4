using Xunit;

namespace TopSharp.Tests.Cli;

public class AppTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = App.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Bad_options_print_one_line_and_exit_2()
    {
        (int code, string stdout, string stderr) = Run("--delay", "0");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("topsharp: --delay: 0 is outside 0.2..60 seconds (see --help)" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Help_lists_every_option()
    {
        (int code, string stdout, string stderr) = Run("--help");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (string option in new[] { "-d, --delay", "-p, --pid", "-u, --user", "--root", "--theme", "--colors", "--once", "--json", "-h, --help", "-V, --version" })
            Assert.Contains(option, stdout);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        (int code, string stdout, _) = Run("--version");

        Assert.Equal(0, code);
        Assert.Equal("topsharp 0.1.0" + Environment.NewLine, stdout);
    }
}
