using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class SchedStatReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_the_burner_main_thread()
    {
        using var file = new KernelFile();
        Assert.True(SchedStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out SchedStat s, _diagnostics));
        Assert.Equal(new SchedStat(SumExecRuntimeNs: 1161617630, RunDelayNs: 4980995240, Timeslices: 52), s);
    }

    [Fact]
    public void Reads_a_thread()
    {
        using var file = new KernelFile();
        Assert.True(SchedStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 162, out SchedStat s, _diagnostics, tid: 177));
        Assert.Equal(new SchedStat(314600, 1415699, 1), s);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1161617630 4980995240\n")]
    [InlineData("1161617630 4980995240 5x\n")]
    public void Truncated_or_garbage_is_reported(string text)
    {
        Assert.False(SchedStatReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "p"));
        Assert.Equal(SchedStatReader.Source, Assert.Single(_diagnostics).Source);
    }

    [Fact]
    public void Live_self_has_run_on_a_cpu()
    {
        using var file = new KernelFile();
        Assert.True(SchedStatReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out SchedStat s, _diagnostics));
        Assert.True(s.SumExecRuntimeNs > 0);
        Assert.True(s.Timeslices > 0);
    }
}
