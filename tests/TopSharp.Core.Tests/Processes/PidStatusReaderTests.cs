using System.Text;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

public class PidStatusReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Reads_the_burner_in_its_cpuset()
    {
        using var file = new KernelFile();
        Assert.True(PidStatusReader.TryRead(FixtureRoots.Cgroup2T0, file, 159, out PidStatus? s, _diagnostics));
        Assert.Equal(new PidStatus(
            Name: "burner", Tgid: 159, Uid: 0, CpusAllowedList: "2-3", MemsAllowedList: "1",
            VoluntaryCtxtSwitches: 4, NonvoluntaryCtxtSwitches: 48,
            VmRssBytes: 33424 * 1024UL, RssAnonBytes: 32708 * 1024UL, RssFileBytes: 4 * 1024UL,
            RssShmemBytes: 712 * 1024UL, VmSwapBytes: 0), s);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Hostile_name_keeps_its_escape_and_blanks()
    {
        using var file = new KernelFile();
        Assert.True(PidStatusReader.TryRead(FixtureRoots.Cgroup2T0, file, 162, out PidStatus? s, _diagnostics));
        Assert.Equal("bad ) \x1b[31mname", s.Name);
    }

    [Theory]
    [InlineData(2, "kthreadd")]
    [InlineData(169, "zchild")]
    public void Kernel_threads_and_zombies_have_no_sizes(int pid, string name)
    {
        using var file = new KernelFile();
        Assert.True(PidStatusReader.TryRead(FixtureRoots.Cgroup2T0, file, pid, out PidStatus? s, _diagnostics));
        Assert.Equal(name, s.Name);
        Assert.Null(s.VmRssBytes);
        Assert.Null(s.RssAnonBytes);
        Assert.Null(s.RssFileBytes);
        Assert.Null(s.RssShmemBytes);
        Assert.Null(s.VmSwapBytes);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData(@"nl\nthread )", "nl\nthread )")]
    [InlineData(@"back\\slash", @"back\slash")]
    [InlineData(@"trail\", @"trail\")]
    [InlineData(" lead and trail ", " lead and trail ")]
    [InlineData("tab\tinside", "tab\tinside")]
    [InlineData("a: b", "a: b")]
    public void Name_undoes_only_the_kernel_escapes(string written, string comm)
    {
        byte[] text = Encoding.UTF8.GetBytes($"Name:\t{written}\n{RequiredRest}");
        Assert.True(PidStatusReader.TryParse(text, out PidStatus? s, _diagnostics));
        Assert.Equal(comm, s.Name);
    }

    [Fact]
    public void Uid_is_the_real_uid_and_unknown_keys_are_ignored()
    {
        byte[] text = Encoding.UTF8.GetBytes($"Name:\tx\nFuture_key:\t??\n{RequiredRest.Replace("Uid:\t0", "Uid:\t1000")}");
        Assert.True(PidStatusReader.TryParse(text, out PidStatus? s, _diagnostics));
        Assert.Equal(1000, s.Uid);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("", 0, "missing Name, Tgid, Uid, Cpus_allowed_list, Mems_allowed_list, voluntary_ctxt_switches, nonvoluntary_ctxt_switches")]
    [InlineData("Name:\tx\nTgid:\t1\nUid:\t0\t0\t0\t0\nCpus_allowed_list:\t0\n", 0, "missing Mems_allowed_list, voluntary_ctxt_switches, nonvoluntary_ctxt_switches")]
    [InlineData("Name:\tx\nTgid:\tone\n", 2, "Tgid unparsable: 'one'")]
    [InlineData("Uid:\n", 1, "Uid unparsable: ''")]
    [InlineData("VmRSS:\t 12 MB\n", 1, "VmRSS unparsable: '12 MB'")]
    [InlineData("VmRSS:\t 99999999999999999999 kB\n", 1, "VmRSS unparsable: '99999999999999999999 kB'")]
    public void Truncated_or_garbage_is_reported(string text, int line, string reason)
    {
        Assert.False(PidStatusReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "proc/9/status"));
        Assert.Equal(new ParseDiagnostic(PidStatusReader.Source, "proc/9/status", line, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Live_self_and_init()
    {
        using var file = new KernelFile();
        Assert.True(PidStatusReader.TryRead(KernelRoot.Live, file, Environment.ProcessId, out PidStatus? self, _diagnostics));
        Assert.True(PidStatusReader.TryRead(KernelRoot.Live, file, 1, out PidStatus? init, _diagnostics));

        Assert.Equal(Environment.ProcessId, self.Tgid);
        Assert.NotNull(self.VmRssBytes);
        Assert.InRange(self.RssAnonBytes!.Value + self.RssFileBytes!.Value + self.RssShmemBytes!.Value, self.VmRssBytes.Value, self.VmRssBytes.Value);
        Assert.Equal(1, init.Tgid);
        Assert.Empty(_diagnostics);
    }

    private const string RequiredRest =
        "Tgid:\t7\nUid:\t0\t0\t0\t0\nCpus_allowed_list:\t0-1\nMems_allowed_list:\t0\nvoluntary_ctxt_switches:\t1\nnonvoluntary_ctxt_switches:\t2\n";
}
