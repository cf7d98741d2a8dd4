using System.Text;
using TopSharp.Core.Cpu;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Cpu;

public class PressureReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_all_three_resources()
    {
        using var file = new KernelFile();
        Pressure p = PressureReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics);

        Assert.Equal(new PressureResource(new PressureLine(53.41, 13.68, 3.05, 10817583), new PressureLine(0, 0, 0, 0)), p.Cpu);
        Assert.Equal(new PressureResource(new PressureLine(0, 0, 0, 0), new PressureLine(0, 0, 0, 0)), p.Memory);
        Assert.Equal(new PressureResource(new PressureLine(0, 0, 0, 0), new PressureLine(0, 0, 0, 0)), p.Io);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Io_totals_of_the_v1_capture()
    {
        using var file = new KernelFile();
        Pressure p = PressureReader.Read(FixtureRoots.Cgroup1T0, file, _diagnostics);
        Assert.Equal((36UL, 36UL), (p.Io!.Some.TotalUsec, p.Io.Full!.Value.TotalUsec));
        Assert.Equal(48.08, p.Cpu!.Some.Avg10);
    }

    [Fact]
    public void Missing_files_are_null_resources_not_zeros()
    {
        using var file = new KernelFile();
        Pressure p = PressureReader.Read(new KernelRoot("/nonexistent"), file, _diagnostics);
        Assert.Equal(new Pressure(null, null, null), p);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void One_missing_resource_leaves_the_others()
    {
        string root = Directory.CreateTempSubdirectory("topsharp-psi").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "proc/pressure"));
            File.WriteAllText(Path.Combine(root, "proc/pressure/memory"), "some avg10=1.50 avg60=0.00 avg300=0.00 total=7\n");
            using var file = new KernelFile();
            Pressure p = PressureReader.Read(new KernelRoot(root), file, _diagnostics);
            Assert.Null(p.Cpu);
            Assert.Null(p.Io);
            Assert.Equal(new PressureResource(new PressureLine(1.5, 0, 0, 7), null), p.Memory);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Cpu_before_5_13_has_no_full_line_and_unknown_fields_are_ignored()
    {
        Assert.True(PressureReader.TryParse("some avg10=0.10 avg60=0.20 avg300=0.30 total=40 future=9\nother x=1\n"u8, out PressureResource? r, _diagnostics));
        Assert.Equal(new PressureResource(new PressureLine(0.1, 0.2, 0.3, 40), null), r);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("", 0, "missing some")]
    [InlineData("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n", 0, "missing some")]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00\n", 1, "some: missing total")]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=x avg60=0.00 avg300=0.00 total=0\n", 2, "full: avg10 unparsable: 'x'")]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00 total=-1\n", 1, "some: total unparsable: '-1'")]
    public void Truncated_or_garbage_is_reported(string text, int line, string reason)
    {
        Assert.False(PressureReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/pressure/cpu"));
        Assert.Equal(new ParseDiagnostic(PressureReader.Source, "proc/pressure/cpu", line, reason), Assert.Single(_diagnostics));
    }

    [SkippableFact]
    public void Live_reads_every_resource_this_kernel_reports()
    {
        Requires.That(File.Exists("/proc/pressure/cpu"), "needs PSI (CONFIG_PSI and psi=1) for /proc/pressure");
        using var file = new KernelFile();
        Pressure p = PressureReader.Read(KernelRoot.Live, file, _diagnostics);
        Assert.NotNull(p.Cpu);
        Assert.NotNull(p.Memory);
        Assert.NotNull(p.Io);
        Assert.InRange(p.Cpu.Some.Avg10, 0, 100);
        Assert.Empty(_diagnostics);
    }
}
