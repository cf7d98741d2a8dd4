using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class CmdlineReaderTests
{
    [Fact]
    public void Newline_empty_argument_and_tab_stay_as_they_are()
    {
        using var file = new KernelFile();
        Assert.True(CmdlineReader.TryRead(FixtureRoots.Cgroup2T0, file, 164, out string? cmdline));
        Assert.Equal("sleepy --job=nightly\nreport two words  tab\there", cmdline);
    }

    [Fact]
    public void Arguments_joined_by_a_space()
    {
        using var file = new KernelFile();
        Assert.True(CmdlineReader.TryRead(FixtureRoots.Cgroup2T0, file, 157, out string? cmdline));
        Assert.Equal("numahog 1 200 0-3 64 3 32", cmdline);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(169)]
    public void Kernel_thread_and_zombie_are_empty(int pid)
    {
        using var file = new KernelFile();
        Assert.True(CmdlineReader.TryRead(FixtureRoots.Cgroup2T0, file, pid, out string? cmdline));
        Assert.Equal("", cmdline);
    }

    [Theory]
    [InlineData(new byte[] { }, "")]
    [InlineData(new byte[] { 0, 0 }, "")]
    [InlineData(new byte[] { (byte)'a', 0, 0, 0 }, "a")]
    [InlineData(new byte[] { (byte)'a', (byte)' ', (byte)'b' }, "a b")] // setproctitle: no NUL at all
    [InlineData(new byte[] { 0, (byte)'a' }, " a")]
    [InlineData(new byte[] { 0x1b, (byte)'[', (byte)'2', (byte)'J', 0 }, "\x1b[2J")]
    [InlineData(new byte[] { (byte)'x', 0xff, 0xc3, 0 }, "x\uFFFD\uFFFD")]
    [InlineData(new byte[] { 0xc3, 0xa9, 0, 0xe2, 0x82, 0xac, 0 }, "é €")]
    public void Hostile_bytes(byte[] bytes, string expected) =>
        Assert.Equal(expected, CmdlineReader.Parse(bytes));

    [Fact]
    public void Vanished_process_is_false()
    {
        using var file = new KernelFile();
        Assert.False(CmdlineReader.TryRead(FixtureRoots.Cgroup2T0, file, 99999, out string? cmdline));
        Assert.Null(cmdline);
    }

    [Fact]
    public void Live_self_matches_our_command_line()
    {
        using var file = new KernelFile();
        Assert.True(CmdlineReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out string? cmdline));
        Assert.EndsWith(" " + string.Join(' ', Environment.GetCommandLineArgs()[1..]), cmdline);
    }
}
