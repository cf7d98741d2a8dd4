using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using Xunit;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>Passes over a writable copy of a capture, changing its files between passes.</summary>
public class SamplerChangingTreeTests
{
    [Fact]
    public void TruncatedStatIsADiagnosticNamingThePath()
    {
        using TempRoot tree = TempRoot.FromCapture(1, 157, 162);
        string stat = tree.Proc("157/stat");
        File.WriteAllText(stat, File.ReadAllText(stat)[..40]);
        using var sampler = new Sampler(tree.Root);

        SystemSnapshot s = sampler.Sample(ProcessFiles.None);

        ParseDiagnostic d = Assert.Single(s.Diagnostics);
        Assert.Equal(stat, d.Path);
        Assert.Equal(PidStatReader.Source, d.Source);
        Assert.Equal(1, d.Line);
        Assert.Equal([1, 162], s.Processes.Select(p => p.Pid).Order());
    }

    [Fact]
    public void MissingRootIsDiagnosticsNotAnException()
    {
        string missing = Path.Combine(Path.GetTempPath(), "topsharp-no-such-root-" + Guid.NewGuid());
        using var sampler = new Sampler(new KernelRoot(missing));

        SystemSnapshot s = sampler.Sample(ProcessFiles.All);

        Assert.Empty(s.Processes);
        Assert.Contains(s.Diagnostics, d => d.Path == Path.Join(missing, "proc") && d.Reason == "cannot open the proc directory");
        Assert.Equal(TimeSpan.Zero, s.Timestamp);
    }

    [Fact]
    public void UnparsableStatmIsReportedAndTheProcessKept()
    {
        using TempRoot tree = TempRoot.FromCapture(1, 157);
        File.WriteAllText(tree.Proc("157/statm"), "16664 8356\n");
        using var sampler = new Sampler(tree.Root);

        SystemSnapshot s = sampler.Sample(ProcessFiles.None);

        ParseDiagnostic d = Assert.Single(s.Diagnostics);
        Assert.Equal(tree.Proc("157/statm"), d.Path);
        Assert.Equal(default, s.Processes.Single(p => p.Pid == 157).Statm);
    }

    [Fact]
    public void ProcessWhoseDirectoryIsGoneIsAbsentWithoutDiagnostic()
    {
        using TempRoot tree = TempRoot.FromCapture(1, 157);
        using var sampler = new Sampler(tree.Root);
        Assert.Equal(2, sampler.Sample(ProcessFiles.All).Processes.Count);

        Directory.Delete(tree.Proc("157"), recursive: true);
        SystemSnapshot s = sampler.Sample(ProcessFiles.All);

        Assert.Equal([1], s.Processes.Select(p => p.Pid));
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void CmdlineIsReadOncePerProcess()
    {
        using TempRoot tree = TempRoot.FromCapture(157);
        using var sampler = new Sampler(tree.Root);
        Assert.Equal("numahog 1 200 0-3 64 3 32", sampler.Sample(ProcessFiles.None).Processes[0].Cmdline);

        File.WriteAllText(tree.Proc("157/cmdline"), "changed\0");

        Assert.Equal("numahog 1 200 0-3 64 3 32", sampler.Sample(ProcessFiles.None).Processes[0].Cmdline);
    }

    [Fact]
    public void ChangedCommReadsCmdlineAgain()
    {
        using TempRoot tree = TempRoot.FromCapture(157);
        using var sampler = new Sampler(tree.Root);
        ProcessSample before = sampler.Sample(ProcessFiles.None).Processes[0];

        // As at execve: same PID and start time, new comm and arguments.
        File.WriteAllText(tree.Proc("157/cmdline"), "ls\0-l\0");
        string stat = tree.Proc("157/stat");
        File.WriteAllText(stat, File.ReadAllText(stat).Replace("(numahog)", "(ls)"));
        ProcessSample after = sampler.Sample(ProcessFiles.None).Processes[0];

        Assert.Equal(before.Key, after.Key);
        Assert.Equal(("ls", "ls -l"), (after.Comm, after.Cmdline));
    }

    [Fact]
    public void ReusedPidIsANewProcess()
    {
        using TempRoot tree = TempRoot.FromCapture(157);
        using var sampler = new Sampler(tree.Root);
        ProcessSample before = sampler.Sample(ProcessFiles.None).Processes[0];

        File.WriteAllText(tree.Proc("157/cmdline"), "numahog\0again\0");
        string stat = tree.Proc("157/stat");
        File.WriteAllText(stat, WithField(File.ReadAllText(stat), 22, (before.Stat.Starttime + 500).ToString()));
        ProcessSample after = sampler.Sample(ProcessFiles.None).Processes[0];

        Assert.NotEqual(before.Key, after.Key);
        Assert.Equal("numahog again", after.Cmdline);
        Assert.Equal(1, sampler.CachedNames);
    }

    [Fact]
    public void CapturedUidIsStatusEffectiveUid()
    {
        using TempRoot tree = TempRoot.FromCapture(157);
        string status = tree.Proc("157/status");
        File.WriteAllText(status, File.ReadAllText(status).Replace("Uid:\t0\t0\t0\t0", "Uid:\t1000\t1001\t1000\t1000"));
        using var sampler = new Sampler(tree.Root);

        Assert.Equal(1001, sampler.Sample(ProcessFiles.None).Processes[0].Uid);
    }

    [Fact]
    public void UserNamesFollowPasswdChanges()
    {
        using TempRoot tree = TempRoot.FromCapture(157);
        string passwd = tree.Etc("passwd");
        File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        using var sampler = new Sampler(tree.Root);
        Assert.Equal("alice", sampler.Sample(ProcessFiles.None).UserNames[1000]);

        File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/sh\n");
        File.SetLastWriteTimeUtc(passwd, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("bob", sampler.Sample(ProcessFiles.None).UserNames[1000]);
    }

    /// <summary>Replaces field <paramref name="n"/> (proc(5) numbering, from 3 after the comm) of a stat line.</summary>
    private static string WithField(string stat, int n, string value)
    {
        int close = stat.LastIndexOf(')');
        string[] fields = stat[(close + 2)..].Split(' ');
        fields[n - 3] = value;
        return stat[..(close + 2)] + string.Join(' ', fields);
    }
}
