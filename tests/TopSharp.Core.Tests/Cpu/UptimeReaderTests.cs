using System.Text;
using TopSharp.Core.Cpu;
using Xunit;

namespace TopSharp.Core.Tests.Cpu;

public class UptimeReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_both_snapshots_3_47_s_apart()
    {
        using var file = new KernelFile();
        Uptime? t0 = UptimeReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics);
        Uptime? t1 = UptimeReader.Read(FixtureRoots.Cgroup2T1, file, _diagnostics);
        Assert.Equal(new Uptime(18.99, 100.64), t0);
        Assert.Equal(3.47, t1!.UptimeSeconds - t0!.UptimeSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("18.99\n")]
    [InlineData("18.99 lots\n")]
    [InlineData("18,99 100.64\n")]
    public void Truncated_or_garbage_is_reported(string text)
    {
        Assert.False(UptimeReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/uptime"));
        Assert.Equal(UptimeReader.Source, Assert.Single(_diagnostics).Source);
    }

    [Fact]
    public void Live_matches_the_monotonic_clock()
    {
        using var file = new KernelFile();
        Uptime? u = UptimeReader.Read(KernelRoot.Live, file, _diagnostics);
        Assert.NotNull(u);
        // /proc/uptime is CLOCK_BOOTTIME, never behind CLOCK_MONOTONIC (Environment.TickCount64).
        Assert.True(u.UptimeSeconds + 0.02 >= Environment.TickCount64 / 1000.0 - 1, $"{u.UptimeSeconds} vs {Environment.TickCount64}");
    }
}
