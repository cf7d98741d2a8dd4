using TopSharp.Cli;
using Xunit;

namespace TopSharp.Tests.Cli;

public class BpfOptionsTests
{
    [Fact]
    public void No_bpf_and_syscall_latency_are_flags()
    {
        Assert.True(CommandLineParser.TryParse(["--once", "--json", "--no-bpf", "--syscall-latency"], out CommandLineOptions o, out _));
        Assert.True(o.NoBpf && o.SyscallLatency);
        Assert.True(CommandLineParser.TryParse(["--no-bpf"], out o, out _) && o.NoBpf);
    }

    [Fact]
    public void Syscall_latency_belongs_to_the_json_report()
    {
        Assert.False(CommandLineParser.TryParse(["--syscall-latency"], out _, out string error));
        Assert.Equal("--syscall-latency needs --once --json (the syscall pane has its own key)", error);
    }
}
