using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class PidStatReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_the_burner_with_exact_fields()
    {
        using var file = new KernelFile();
        Assert.True(PidStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out PidStat s, out ReadOnlySpan<byte> comm, _diagnostics));

        Assert.Equal("burner", Encoding.UTF8.GetString(comm));
        Assert.Equal(new PidStat(
            Pid: 159, State: 'S', Ppid: 1, TtyNr: 0, Minflt: 609, Majflt: 0, Utime: 1178, Stime: 99, Cutime: 0, Cstime: 0,
            Priority: 20, Nice: 0, NumThreads: 5, Starttime: 636, VsizeBytes: 68255744, RssPages: 8356, Processor: 2,
            Policy: 0, DelayacctBlkioTicks: 0, ExitCode: 0), s);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Comm_with_a_paren_a_space_and_an_escape_is_kept_whole()
    {
        using var file = new KernelFile();
        Assert.True(PidStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 162, out PidStat s, out ReadOnlySpan<byte> comm, _diagnostics));

        Assert.Equal("bad ) \x1b[31mname", Encoding.UTF8.GetString(comm));
        Assert.Equal('S', s.State);
        Assert.Equal(1, s.Ppid);
        Assert.Equal(5UL, s.Utime + s.Stime);
        Assert.Equal(2, s.NumThreads);
    }

    [Fact]
    public void Thread_comm_with_a_newline_and_a_closing_paren_is_kept_whole()
    {
        using var file = new KernelFile();
        Assert.True(PidStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 162, out PidStat s, out ReadOnlySpan<byte> comm, _diagnostics, tid: 177));

        Assert.Equal("nl\nthread )", Encoding.UTF8.GetString(comm));
        Assert.Equal(177, s.Pid);
        Assert.Equal(680UL, s.Starttime);
        Assert.Equal(1, s.Processor);
    }

    [Fact]
    public void Zombie_has_the_exit_code_of_field_52()
    {
        using var file = new KernelFile();
        Assert.True(PidStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 169, out PidStat s, out _, _diagnostics));

        Assert.Equal('Z', s.State);
        Assert.Equal(161, s.Ppid);
        Assert.Equal(1792, s.ExitCode);
        Assert.Equal(0UL, s.RssPages);
    }

    [Theory]
    [InlineData("numa4-cgroup2/t0")]
    [InlineData("numa4-cgroup2/t1")]
    [InlineData("numa4-cgroup1/t0")]
    [InlineData("numa4-cgroup1/t1")]
    public void Every_captured_task_parses_and_its_comm_matches_the_comm_file(string tree)
    {
        int tasks = 0;
        foreach (string stat in Directory.EnumerateFiles(TopSharp.Testing.Fixtures.Dir(tree), "stat", SearchOption.AllDirectories))
        {
            string dir = Path.GetDirectoryName(stat)!;
            if (!File.Exists(Path.Combine(dir, "comm"))) continue; // proc/stat itself
            Assert.True(PidStatReader.TryParse(File.ReadAllBytes(stat), out PidStat s, out ReadOnlySpan<byte> comm, _diagnostics, stat));
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "comm"))[..^1], Encoding.UTF8.GetString(comm));
            Assert.Equal(int.Parse(Path.GetFileName(dir)), s.Pid);
            Assert.NotNull(s.ExitCode);
            tasks++;
        }
        Assert.True(tasks > 2 * 122, $"{tasks} tasks");
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Vanished_process_is_false_without_a_diagnostic()
    {
        using var file = new KernelFile();
        Assert.False(PidStatReader.TryRead(FixtureRoots.Cgroup2T0, file, 99999, out _, out _, _diagnostics));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Each_field_lands_where_proc5_numbers_it()
    {
        Assert.True(PidStatReader.TryParse(Line("x", lastField: 52), out PidStat s, out _));

        Assert.Equal(new PidStat(
            Pid: 1234, State: 'R', Ppid: 4, TtyNr: 7, Minflt: 10, Majflt: 12, Utime: 14, Stime: 15, Cutime: 16, Cstime: 17,
            Priority: 18, Nice: 19, NumThreads: 20, Starttime: 22, VsizeBytes: 23, RssPages: 24, Processor: 39,
            Policy: 41, DelayacctBlkioTicks: 42, ExitCode: 52), s);
    }

    [Theory]
    [InlineData("a) b) c")]
    [InlineData(")")]
    [InlineData("((")]
    [InlineData("x\ny")]
    [InlineData("")]
    [InlineData("sp ace 1 2 3")]
    public void Hostile_comms_come_back_exactly(string hostile)
    {
        Assert.True(PidStatReader.TryParse(Line(hostile, lastField: 52), out PidStat s, out ReadOnlySpan<byte> comm));
        Assert.Equal(hostile, Encoding.UTF8.GetString(comm));
        Assert.Equal(14UL, s.Utime);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(44)]
    [InlineData(51)]
    public void Kernels_before_3_5_have_no_exit_code(int lastField)
    {
        Assert.True(PidStatReader.TryParse(Line("old", lastField), out PidStat s, out _));
        Assert.Null(s.ExitCode);
        Assert.Equal(42UL, s.DelayacctBlkioTicks);
    }

    [Theory]
    [InlineData("", "no comm")]
    [InlineData("1234 (x", "no comm")]
    [InlineData("1234 x) S 1", "no comm")]
    [InlineData("12a4 (x) S 1", "field 1")]
    [InlineData("1234 (x) S 4 5 6 7", "truncated: 7 fields")]
    [InlineData("1234 (x) RUN 4", "field 3")]
    public void Broken_lines_are_reported(string line, string reason)
    {
        Assert.False(PidStatReader.TryParse(Encoding.UTF8.GetBytes(line), out _, out _, _diagnostics, "proc/1234/stat"));

        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((PidStatReader.Source, "proc/1234/stat", 1), (d.Source, d.Path, d.Line));
        Assert.Contains(reason, d.Reason);
    }

    [Theory]
    [InlineData(14, "12x")]
    [InlineData(22, "-5")]
    [InlineData(24, "99999999999999999999999")]
    [InlineData(4, "-")]
    public void A_garbage_number_names_its_field(int field, string garbage)
    {
        byte[] line = Line("x", lastField: 52, replace: (field, garbage));
        Assert.False(PidStatReader.TryParse(line, out _, out _, _diagnostics));
        Assert.Contains($"field {field}", Assert.Single(_diagnostics).Reason);
    }

    [Fact]
    public void Live_self_stat_parses_with_our_pid()
    {
        using var file = new KernelFile();
        Assert.True(PidStatReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out PidStat self, out _, _diagnostics));
        Assert.True(PidStatReader.TryRead(KernelRoot.Live, file, 1, out PidStat init, out _, _diagnostics));

        Assert.Equal(Environment.ProcessId, self.Pid);
        Assert.True(self.NumThreads >= 1);
        Assert.Equal(1, init.Pid);
        Assert.True(init.Starttime <= self.Starttime);
        Assert.Empty(_diagnostics);
    }

    /// <summary>A stat line whose field N (from 4 on) is the number N; field 3 is R.</summary>
    private static byte[] Line(string comm, int lastField, (int Field, string Text)? replace = null)
    {
        var sb = new StringBuilder($"1234 ({comm}) R");
        for (int n = 4; n <= lastField; n++)
        {
            sb.Append(' ').Append(replace is { } r && r.Field == n ? r.Text : n.ToString());
        }
        return Encoding.UTF8.GetBytes(sb.Append('\n').ToString());
    }
}
