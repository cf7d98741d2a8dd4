using System.Text;
using TopSharp.Core.Cpu;
using Xunit;

namespace TopSharp.Core.Tests.Cpu;

public class LoadAvgReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_the_capture()
    {
        using var file = new KernelFile();
        Assert.Equal(new LoadAvg(1.06, 0.23, 0.08, 1, 130, 210), LoadAvgReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics));
        Assert.Equal(new LoadAvg(1.14, 0.25, 0.08, 7, 130, 244), LoadAvgReader.Read(FixtureRoots.Cgroup1T0, file, _diagnostics));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.06 0.23 0.08\n")]
    [InlineData("1.06 0.23 0.08 1/130\n")]
    [InlineData("1.06 0.23 0.08 1-130 210\n")]
    [InlineData("1.06 0.23 high 1/130 210\n")]
    [InlineData("1.06 0.23 0.08 /130 210\n")]
    public void Truncated_or_garbage_is_reported(string text)
    {
        Assert.False(LoadAvgReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/loadavg"));
        Assert.Equal((LoadAvgReader.Source, 1), (Assert.Single(_diagnostics).Source, _diagnostics[0].Line));
    }

    [Fact]
    public void Live_counts_at_least_one_running_task()
    {
        using var file = new KernelFile();
        LoadAvg? l = LoadAvgReader.Read(KernelRoot.Live, file, _diagnostics);
        Assert.NotNull(l);
        Assert.InRange(l.Running, 1, l.Total);
    }
}
