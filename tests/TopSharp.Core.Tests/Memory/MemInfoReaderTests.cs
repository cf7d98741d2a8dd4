using System.Text;
using TopSharp.Core.Memory;
using Xunit;

namespace TopSharp.Core.Tests.Memory;

public class MemInfoReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Every_field_in_file_order_in_bytes()
    {
        using var file = new KernelFile();
        MemInfo? m = MemInfoReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics);

        Assert.NotNull(m);
        Assert.Equal(54, m.Fields.Count);
        Assert.Equal(new MemInfoField("MemTotal", 4011256UL * 1024, true), m.Fields[0]);
        Assert.Equal(new MemInfoField("DirectMap1G", 2097152UL * 1024, true), m.Fields[^1]);
        Assert.Equal(4011256UL * 1024, m.MemTotalBytes);
        Assert.Equal(3515176UL * 1024, m.MemFreeBytes);
        Assert.Equal(3347416UL * 1024, m.MemAvailableBytes);
        Assert.Equal(52020UL * 1024, m.ShmemBytes);
        Assert.Equal(348160UL * 1024, m["AnonHugePages"]);
        Assert.Equal(13743895347199UL * 1024, m["VmallocTotal"]);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Counts_stay_counts()
    {
        Assert.True(MemInfoReader.TryParse("MemTotal: 8 kB\nMemFree: 4 kB\nHugePages_Total:      12\nHugepagesize:    2048 kB\n"u8, out MemInfo? m));
        Assert.Equal(new MemInfoField("HugePages_Total", 12, false), m.Fields[2]);
        Assert.Equal(new MemInfoField("Hugepagesize", 2048 * 1024, true), m.Fields[3]);
    }

    [Fact]
    public void Older_kernels_without_MemAvailable_estimate_it()
    {
        Assert.True(MemInfoReader.TryParse("MemTotal: 100 kB\nMemFree: 10 kB\nBuffers: 2 kB\nCached: 3 kB\nFuture(new): 1 kB\n"u8, out MemInfo? m, _diagnostics));
        Assert.Null(m["MemAvailable"]);
        Assert.Equal(15UL * 1024, m.MemAvailableBytes);
        Assert.Equal(1UL * 1024, m["Future(new)"]);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("MemTotal: 8 kB\nMemFree: 4 kB\nBroken line\n", 3)]
    [InlineData("MemTotal: 8 kB\nCached: lots kB\nMemFree: 4 kB\n", 2)]
    [InlineData("MemTotal: 8 kB\nMemFree: 4 kB\nBig: 99999999999999999999 kB\n", 3)]
    [InlineData("MemTotal: 8 kB\nMemFree: 4 kB\nSwap: -1 kB\n", 3)]
    public void A_bad_line_is_reported_and_left_out(string text, int line)
    {
        Assert.True(MemInfoReader.TryParse(Encoding.UTF8.GetBytes(text), out MemInfo? m, _diagnostics, "proc/meminfo"));
        Assert.Equal(["MemTotal", "MemFree"], m.Fields.Select(f => f.Name));
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((MemInfoReader.Source, "proc/meminfo", line), (d.Source, d.Path, d.Line));
    }

    [Theory]
    [InlineData("", "missing MemTotal, MemFree")]
    [InlineData("MemTotal:        4011256 kB\n", "missing MemFree")]
    public void Truncated_file_fails(string text, string reason)
    {
        Assert.False(MemInfoReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/meminfo"));
        Assert.Equal(new ParseDiagnostic(MemInfoReader.Source, "proc/meminfo", 0, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Live_available_is_within_total()
    {
        using var file = new KernelFile();
        MemInfo? m = MemInfoReader.Read(KernelRoot.Live, file, _diagnostics);
        Assert.NotNull(m);
        Assert.NotNull(m["MemAvailable"]);
        Assert.InRange(m.MemAvailableBytes, 1UL, m.MemTotalBytes);
        Assert.InRange(m.MemFreeBytes, 1UL, m.MemTotalBytes);
        Assert.Empty(_diagnostics);
    }
}
