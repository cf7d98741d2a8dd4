using System.Diagnostics;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>
/// stat, statm and PID/ kept open between passes (<see cref="KeptProcessFiles"/>): real processes that exit,
/// a PID reused by a new process, and the bound on descriptors.
/// </summary>
[Collection(nameof(KeptProcessFilesTests))] // counts this process's descriptors: no other sampler in parallel
public class KeptProcessFilesTests
{
    [Fact]
    public void An_exited_process_is_absent_and_its_files_are_closed()
    {
        using var sampler = new Sampler(KernelRoot.Live);
        using Process child = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            Assert.Contains(sampler.Sample(ProcessFiles.None).Processes, p => p.Pid == child.Id);
            Assert.Equal(3, DescriptorsBelow($"/proc/{child.Id}"));
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }

        SystemSnapshot after = sampler.Sample(ProcessFiles.None);

        Assert.DoesNotContain(after.Processes, p => p.Pid == child.Id);
        Assert.Empty(after.Diagnostics);
        Assert.Equal(0, DescriptorsBelow($"/proc/{child.Id}"));
    }

    [SkippableFact]
    public void A_reused_pid_shows_the_new_process()
    {
        Requires.Root("writes /proc/sys/kernel/ns_last_pid to give a new process an exited one's PID");
        using var sampler = new Sampler(KernelRoot.Live);
        Process first = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        int pid = first.Id;
        ProcessSample before = sampler.Sample(ProcessFiles.None).Processes.Single(p => p.Pid == pid);
        first.Kill();
        first.WaitForExit();
        first.Dispose();
        // starttime counts clock ticks (10 ms at USER_HZ 100): a PID reused within the same tick has the
        // same (pid, starttime), which nothing keyed that way can tell apart (CI saw it, 16 ms apart).
        // Real reuse takes a whole trip round pid_max; here the next tick is waited for.
        Thread.Sleep(20);

        // No pass in between: the sampler still holds the first process's files when the PID comes back.
        using Process second = StartWithPid(pid, "sleep", "601");
        try
        {
            ProcessSample after = sampler.Sample(ProcessFiles.None).Processes.Single(p => p.Pid == pid);

            Assert.Equal("sleep 601", after.Cmdline);
            Assert.NotEqual(before.Stat.Starttime, after.Stat.Starttime);
            Assert.Equal(3, DescriptorsBelow($"/proc/{pid}"));
        }
        finally
        {
            second.Kill();
            second.WaitForExit();
        }
    }

    [Fact]
    public void Beyond_the_bound_processes_are_read_by_path()
    {
        int processes = Directory.GetDirectories("/proc").Count(d => int.TryParse(Path.GetFileName(d), out _));
        Assert.True(processes > 10, $"this machine shows {processes} processes");
        int descriptors = Descriptors().Length;

        using var sampler = new Sampler(KernelRoot.Live, keptProcesses: 4);
        SystemSnapshot s = sampler.Sample(ProcessFiles.None);

        Assert.Equal(4, sampler.KeptProcesses);
        Assert.InRange(s.Processes.Count, processes - 10, processes + 10);
        Assert.Contains(s.Processes, p => p.Pid == Environment.ProcessId);
        Assert.InRange(Descriptors().Length - descriptors, 0, 3 * 4);
    }

    [Fact]
    public void The_default_bound_leaves_most_descriptors_free()
    {
        string softLimit = File.ReadLines("/proc/self/limits").Single(l => l.StartsWith("Max open files")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        int limit = KeptProcessFiles.DefaultLimit();

        Assert.InRange(limit, 0, KeptProcessFiles.MaximumLimit);
        if (softLimit != "unlimited") Assert.True(3L * limit <= long.Parse(softLimit) - 1024, $"limit {limit} for {softLimit} descriptors");
    }

    [Fact]
    public void A_captured_tree_keeps_no_files()
    {
        using var sampler = new Sampler(FixtureRoots.Cgroup2T0);
        Assert.NotEmpty(sampler.Sample(ProcessFiles.None).Processes);
        Assert.Equal(0, sampler.KeptProcesses);
    }

    /// <summary>This process's descriptors (GetFiles would leave out those naming a directory).</summary>
    private static string[] Descriptors() => Directory.GetFileSystemEntries("/proc/self/fd");

    /// <summary>This process's descriptors open on <paramref name="path"/> or below it.</summary>
    private static int DescriptorsBelow(string path) =>
        Descriptors()
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Count(target => target == path || target?.StartsWith(path + "/", StringComparison.Ordinal) == true);

    /// <summary>
    /// Starts a process with <paramref name="pid"/> by setting the last PID handed out to the one before it
    /// (proc_sys_kernel(5), ns_last_pid); another fork may take it first, so this tries a few times.
    /// </summary>
    private static Process StartWithPid(int pid, string file, string arguments)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            File.WriteAllText("/proc/sys/kernel/ns_last_pid", (pid - 1).ToString());
            Process p = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
            if (p.Id == pid) return p;
            p.Kill();
            p.WaitForExit();
            p.Dispose();
        }
        throw new InvalidOperationException($"no new process got PID {pid} in 50 attempts");
    }
}

/// <summary>Runs alone: other live samplers would hold descriptors on the same processes.</summary>
[CollectionDefinition(nameof(KeptProcessFilesTests), DisableParallelization = true)]
public class KeptProcessFilesCollection;
