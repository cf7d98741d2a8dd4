using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class PidStatmReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_pages_of_the_burner()
    {
        using var file = new KernelFile();
        Assert.True(PidStatmReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out PidStatm statm, _diagnostics));
        Assert.Equal(new PidStatm(Size: 16664, Resident: 8356, Shared: 179, Text: 143, Data: 16463), statm);
    }

    [Fact]
    public void Zombie_has_all_zeros() =>
        Assert.True(PidStatmReader.TryParse("0 0 0 0 0 0 0\n"u8, out PidStatm statm) && statm == default);

    [Theory]
    [InlineData("")]
    [InlineData("16664 8356 179 143 0\n")]
    [InlineData("16664 8356 179 143 0 16463\n")]
    [InlineData("16664 8356 x 143 0 16463 0\n")]
    [InlineData("16664 8356 179 143 0 -1 0\n")]
    public void Truncated_or_garbage_is_reported(string text)
    {
        Assert.False(PidStatmReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/9/statm"));
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((PidStatmReader.Source, "proc/9/statm", 1), (d.Source, d.Path, d.Line));
    }

    [Fact]
    public void Live_self_has_resident_pages()
    {
        using var file = new KernelFile();
        Assert.True(PidStatmReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out PidStatm statm, _diagnostics));
        Assert.InRange(statm.Resident, 1UL, statm.Size);
    }
}
