using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Users;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>A pass over numa4-cgroup2/t0, checked against its ANSWERS.md.</summary>
public class SamplerCapturedTreeTests
{
    private static SystemSnapshot SampleT0(ProcessFiles files)
    {
        using var sampler = new Sampler(new KernelRoot(Path.Combine(Fixtures.Dir("numa4-cgroup2"), "t0")));
        return sampler.Sample(files);
    }

    private static ProcessSample Pid(SystemSnapshot snapshot, int pid) => snapshot.Processes.Single(p => p.Pid == pid);

    [Fact]
    public void DefaultPassHasEveryProcessOfTheCapture()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.Equal([PasswdReader.Source], s.Diagnostics.Select(d => d.Source));
        Assert.Equal(122, s.Processes.Count);
        Assert.Equal(110, s.Processes.Count(p => p.IsKernelThread));
        Assert.Equal(s.Processes.Count, s.Processes.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void CapturedTimeBaseIsTheTreesUptime()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.Equal(TimeSpan.FromSeconds(18.99), s.Timestamp);
        Assert.Equal(100, s.ClockTicksPerSecond);
        Assert.Equal(4096, s.PageSize);
        Assert.NotNull(s.Stat);
        Assert.Equal(8, s.Stat.Cpus.Count);
        Assert.Equal(1.06, s.LoadAvg?.Avg1);
        Assert.Equal(4011256UL * 1024, s.MemInfo?.MemTotalBytes);
        Assert.Equal(53.41, s.Pressure.Cpu?.Some.Avg10);
    }

    [Fact]
    public void DefaultPassReadsNoExtraFiles()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.All(s.Processes, p =>
        {
            Assert.Null(p.Status);
            Assert.Null(p.Io);
            Assert.Null(p.Cgroup);
            Assert.Null(p.SchedStat);
            Assert.Null(p.Threads);
        });
    }

    [Fact]
    public void HostileCommIsKeptByteForByte()
    {
        ProcessSample evil = Pid(SampleT0(ProcessFiles.None), 162);

        Assert.Equal("bad ) \x1b[31mname", evil.Comm);
        Assert.Equal('S', evil.Stat.State);
        Assert.Equal(1, evil.Stat.Ppid);
    }

    [Fact]
    public void CmdlineArgumentsAreRead()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.Equal("numahog 1 200 0-3 64 3 32", Pid(s, 157).Cmdline);
        Assert.Equal("burner 4 32", Pid(s, 159).Cmdline);
        Assert.Equal("", Pid(s, 2).Cmdline);
    }

    [Fact]
    public void ZombieIsShownWithItsExitCode()
    {
        ProcessSample zombie = Pid(SampleT0(ProcessFiles.None), 169);

        Assert.Equal('Z', zombie.Stat.State);
        Assert.Equal(161, zombie.Stat.Ppid);
        Assert.Equal("zchild", zombie.Comm);
        Assert.Equal("", zombie.Cmdline);
        Assert.Equal(1792, zombie.Stat.ExitCode);
        Assert.Equal(0UL, zombie.Statm.Resident);
    }

    [Fact]
    public void UidOfACapturedTreeComesFromStatus()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.All(s.Processes, p => Assert.Equal(0, p.Uid));
    }

    [Fact]
    public void AllFilesFillStatusIoAndCgroup()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.All);

        Assert.Equal([PasswdReader.Source], s.Diagnostics.Select(d => d.Source));
        Assert.All(s.Processes, p =>
        {
            Assert.NotNull(p.Status);
            Assert.NotNull(p.Io);
            Assert.NotNull(p.Cgroup);
            Assert.NotNull(p.SchedStat);
            Assert.NotEmpty(p.Threads!);
        });
        ProcessSample job1 = Pid(s, 159);
        Assert.Equal("/batch/job1", job1.Cgroup!.DisplayPath);
        Assert.Equal("2-3", job1.Status!.CpusAllowedList);
        Assert.Equal("/system.slice/web.service", Pid(s, 162).Cgroup!.DisplayPath);
    }

    [Fact]
    public void ThreadsKeepTheirOwnComms()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.Threads);

        Assert.Equal(
            [(162, "bad ) \x1b[31mname"), (177, "nl\nthread )")],
            Pid(s, 162).Threads!.Select(t => (t.Tid, t.Comm)).Order());
        Assert.Equal(
            [(159, "burner", 'S'), (173, "burn-0", 'R'), (174, "burn-1", 'R'), (175, "burn-2", 'R'), (176, "burn-3", 'R')],
            Pid(s, 159).Threads!.Select(t => (t.Tid, t.Comm, t.Stat.State)).Order());
        Assert.All(Pid(s, 159).Threads!, t => Assert.NotNull(t.SchedStat));
    }

    [Fact]
    public void SchedStatIsSummedOverThreads()
    {
        // task/{159,173,174,175,176}/schedstat of the capture; /proc/159/schedstat alone is the main thread's.
        SchedStat sum = Pid(SampleT0(ProcessFiles.SchedStat), 159).SchedStat!.Value;

        Assert.Equal(1161617630UL + 3054444774 + 2772975415 + 2774120164 + 3016465167, sum.SumExecRuntimeNs);
        Assert.Equal(4980995240UL + 9596225301 + 9855718129 + 9861153064 + 9601326392, sum.RunDelayNs);
        Assert.Equal(52UL + 199 + 195 + 198 + 196, sum.Timeslices);
    }

    [Fact]
    public void TreeWithoutPasswdHasNoUserNamesAndSaysSo()
    {
        SystemSnapshot s = SampleT0(ProcessFiles.None);

        Assert.Empty(s.UserNames);
        ParseDiagnostic missing = Assert.Single(s.Diagnostics);
        Assert.Equal(Path.Combine(Fixtures.Dir("numa4-cgroup2"), "t0", "etc", "passwd"), missing.Path);
    }
}
