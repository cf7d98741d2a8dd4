using System.Diagnostics;
using System.Runtime.InteropServices;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using Xunit;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>Passes over this machine's own /proc: invariants, and real processes that come and go.</summary>
public class SamplerLiveTests
{
    [Fact]
    public void LivePassHasInitAndThisProcess()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        SystemSnapshot s = sampler.Sample(ProcessFiles.None);

        Assert.Contains(s.Processes, p => p.Pid == 1);
        ProcessSample self = s.Processes.Single(p => p.Pid == Environment.ProcessId);
        Assert.Equal(File.ReadAllText($"/proc/{Environment.ProcessId}/comm").TrimEnd('\n'), self.Comm);
        Assert.Equal((int)geteuid(), self.Uid);
        Assert.False(self.IsKernelThread);
        Assert.NotEqual("", self.Cmdline);
        Assert.Equal(100, s.ClockTicksPerSecond);
        Assert.Equal(Environment.SystemPageSize, s.PageSize);
        Assert.NotNull(s.Stat);
        Assert.NotNull(s.MemInfo);
        Assert.True(s.MemInfo.MemAvailableBytes <= s.MemInfo.MemTotalBytes);
        Assert.Contains(0, (IDictionary<int, string>)s.UserNames);
        Assert.Equal("root", s.UserNames[0]);
    }

    [Fact]
    public void LiveTimestampIsTheMonotonicClock()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        TimeSpan before = Stopwatch.GetElapsedTime(0);
        TimeSpan first = sampler.Sample(ProcessFiles.None).Timestamp;
        TimeSpan second = sampler.Sample(ProcessFiles.None).Timestamp;
        TimeSpan after = Stopwatch.GetElapsedTime(0);

        Assert.InRange(first, before, second);
        Assert.InRange(second, first, after);
    }

    [Fact]
    public void ChildThatExitsIsAbsentFromTheNextPass()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        using Process child = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            SystemSnapshot alive = sampler.Sample(ProcessFiles.All);
            ProcessSample sample = alive.Processes.Single(p => p.Pid == child.Id);
            Assert.Equal("sleep", sample.Comm);
            Assert.Equal("sleep 600", sample.Cmdline);
            Assert.Equal(Environment.ProcessId, sample.Stat.Ppid);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }

        SystemSnapshot after = sampler.Sample(ProcessFiles.All);

        Assert.DoesNotContain(after.Processes, p => p.Pid == child.Id);
        Assert.Empty(after.Diagnostics);
    }

    [Fact]
    public void AllFilesOfThisProcessAreRead()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        SystemSnapshot s = sampler.Sample(ProcessFiles.All);

        ProcessSample self = s.Processes.Single(p => p.Pid == Environment.ProcessId);
        Assert.Empty(s.Diagnostics);
        Assert.NotNull(self.Status);
        Assert.NotNull(self.Io);
        Assert.NotNull(self.Cgroup);
        Assert.NotNull(self.SchedStat);
        Assert.True(self.Threads!.Count > 1, "a .NET process runs several threads");
        Assert.Contains(self.Threads!, t => t.Tid == Environment.ProcessId && t.Comm == self.Comm);
        Assert.InRange(self.Threads!.Count, self.Stat.NumThreads - 2, self.Stat.NumThreads + 2);
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
