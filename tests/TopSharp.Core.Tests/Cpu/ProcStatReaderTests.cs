using System.Text;
using TopSharp.Core.Cpu;
using Xunit;

namespace TopSharp.Core.Tests.Cpu;

public class ProcStatReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_the_aggregate_every_cpu_and_the_counters()
    {
        using var file = new KernelFile();
        ProcStat? stat = ProcStatReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics);

        Assert.NotNull(stat);
        Assert.Equal(new CpuTimes(1160, 0, 1402, 10055, 0, 0, 45, 0, 0, 0), stat.Total);
        Assert.Equal(8, stat.Cpus.Count);
        Assert.Equal(new CpuLine(0, new CpuTimes(18, 0, 370, 1103, 0, 0, 17, 0, 0, 0)), stat.Cpus[0]);
        Assert.Equal(new CpuLine(3, new CpuTimes(434, 0, 28, 1131, 0, 0, 5, 0, 0, 0)), stat.Cpus[3]);
        Assert.Equal(new CpuLine(7, new CpuTimes(148, 0, 91, 1343, 0, 0, 0, 0, 0, 0)), stat.Cpus[7]);
        Assert.Equal((5597UL, 217UL, 1, 0), (stat.Ctxt, stat.Processes, stat.ProcsRunning, stat.ProcsBlocked));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Aggregate_busy_share_between_the_snapshots_matches_the_answers()
    {
        using var file = new KernelFile();
        CpuTimes t0 = ProcStatReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics)!.Total;
        CpuTimes t1 = ProcStatReader.Read(FixtureRoots.Cgroup2T1, file, _diagnostics)!.Total;

        Assert.Equal(2527UL, t1.Total - t0.Total);
        Assert.Equal(2025UL, t1.Idle + t1.Iowait - t0.Idle - t0.Iowait);
    }

    [Fact]
    public void All_ten_columns_land_in_order()
    {
        Assert.True(ProcStatReader.TryParse(Text("cpu  1 2 3 4 5 6 7 8 9 10", "cpu0 1 2 3 4 5 6 7 8 9 10 11"), out ProcStat? s, _diagnostics));
        Assert.Equal(new CpuTimes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), s.Total);
        Assert.Equal(new CpuTimes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), s.Cpus[0].Times);
    }

    [Theory]
    [InlineData("cpu  1 2 3 4", 0UL)]
    [InlineData("cpu  1 2 3 4 5", 5UL)]
    [InlineData("cpu  1 2 3 4 5 6 7 8", 5UL)]
    public void Older_kernels_with_fewer_columns(string aggregate, ulong iowait)
    {
        Assert.True(ProcStatReader.TryParse(Text(aggregate), out ProcStat? s, _diagnostics));
        Assert.Equal((1UL, 4UL, iowait, 0UL), (s.Total.User, s.Total.Idle, s.Total.Iowait, s.Total.GuestNice));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Offline_cpus_keep_their_numbers_and_unknown_lines_are_ignored()
    {
        Assert.True(ProcStatReader.TryParse(Text("cpu  1 2 3 4", "cpu0 1 2 3 4", "cpu2 5 6 7 8", "cpufreq 9", "cpu_x 1", "newcounter 1 2"), out ProcStat? s, _diagnostics));
        Assert.Equal([0, 2], s.Cpus.Select(c => c.Cpu));
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("cpu1 1 2 x 4", 2)]
    [InlineData("cpu1 1 2 3", 2)]
    [InlineData("cpu99999999999 1 2 3 4", 2)]
    public void A_bad_cpu_line_is_reported_and_left_out(string bad, int line)
    {
        Assert.True(ProcStatReader.TryParse(Text("cpu  1 2 3 4", bad, "cpu0 1 2 3 4"), out ProcStat? s, _diagnostics, "proc/stat"));
        Assert.Equal([0], s.Cpus.Select(c => c.Cpu));
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((ProcStatReader.Source, "proc/stat", line), (d.Source, d.Path, d.Line));
    }

    [Theory]
    [InlineData("", 0, "missing cpu, ctxt, processes, procs_running, procs_blocked")]
    [InlineData("cpu  1 2 3 4\nctxt 5\n", 0, "missing processes, procs_running, procs_blocked")]
    [InlineData("cpu  1 2 3 4\nctxt 5\nprocesses many\n", 3, "processes unparsable: 'many'")]
    [InlineData("cpu  1 2 -3 4\n", 1, "cpu unparsable: '1 2 -3 4'")]
    public void Truncated_or_garbage_fails_with_a_reason(string text, int line, string reason)
    {
        Assert.False(ProcStatReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/stat"));
        Assert.Equal(new ParseDiagnostic(ProcStatReader.Source, "proc/stat", line, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Live_has_one_line_per_processor()
    {
        using var file = new KernelFile();
        ProcStat? stat = ProcStatReader.Read(KernelRoot.Live, file, _diagnostics);

        Assert.NotNull(stat);
        Assert.Equal(Environment.ProcessorCount, stat.Cpus.Count);
        Assert.True(stat.ProcsRunning >= 1);
        Assert.True(stat.Total.Total >= stat.Cpus.Sum(c => (double)c.Times.Total) * 0.99);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Missing_file_is_null_with_a_diagnostic()
    {
        using var file = new KernelFile();
        Assert.Null(ProcStatReader.Read(new KernelRoot("/nonexistent"), file, _diagnostics));
        Assert.Equal(new ParseDiagnostic(ProcStatReader.Source, "/nonexistent/proc/stat", 0, "missing or unreadable"), Assert.Single(_diagnostics));
    }

    /// <summary>The given lines, then the four counters every kernel writes.</summary>
    private static byte[] Text(params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\nctxt 1\nprocesses 2\nprocs_running 3\nprocs_blocked 4\n");
}
