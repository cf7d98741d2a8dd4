using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class PidIoReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_every_counter()
    {
        using var file = new KernelFile();
        Assert.True(PidIoReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out PidIo? io, _diagnostics));
        Assert.Equal(new PidIo(Rchar: 816, Wchar: 2, Syscr: 2, Syscw: 1, ReadBytes: 0, WriteBytes: 0, CancelledWriteBytes: 0), io);
    }

    [Fact]
    public void Unknown_keys_are_ignored()
    {
        Assert.True(PidIoReader.TryParse(
            "future_key: 5\nrchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: 5\nwrite_bytes: 6\ncancelled_write_bytes: 7\n"u8,
            out PidIo? io, _diagnostics));
        Assert.Equal(new PidIo(1, 2, 3, 4, 5, 6, 7), io);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("", 0, "missing rchar, wchar, syscr, syscw, read_bytes, write_bytes, cancelled_write_bytes")]
    [InlineData("rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: 5\n", 0, "missing write_bytes, cancelled_write_bytes")]
    [InlineData("rchar: 1\nwchar: lots\n", 2, "wchar is not a number: 'lots'")]
    [InlineData("rchar: -1\n", 1, "rchar is not a number: '-1'")]
    public void Truncated_or_garbage_is_reported(string text, int line, string reason)
    {
        Assert.False(PidIoReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/9/io"));
        Assert.Equal(new ParseDiagnostic(PidIoReader.Source, "proc/9/io", line, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Live_self_has_read_something()
    {
        using var file = new KernelFile();
        Assert.True(PidIoReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out PidIo? io, _diagnostics));
        Assert.True(io.Rchar > 0);
        Assert.True(io.Syscr > 0);
    }
}
