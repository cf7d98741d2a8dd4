using System.Diagnostics;
using TopSharp.Core.Processes;
using Xunit;

namespace TopSharp.Core.Tests.Processes;

/// <summary>Real kill(2) and setpriority(2) against a child process this test starts.</summary>
public sealed class ProcessControlTests : IDisposable
{
    private readonly Process _child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

    [Fact]
    public void Kill_sends_the_signal()
    {
        ProcessControlResult result = ProcessControl.Instance.Kill(_child.Id, Signal.Term.Number);
        Assert.True(result.Succeeded, result.Error);
        Assert.True(_child.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(128 + 15, _child.ExitCode);   // .NET reports death by signal N as 128 + N
    }

    [Fact]
    public void Renice_changes_the_nice_value_in_proc_stat()
    {
        ProcessControlResult result = ProcessControl.Instance.SetPriority(_child.Id, 7);
        Assert.True(result.Succeeded, result.Error);
        string stat = File.ReadAllText($"/proc/{_child.Id}/stat");
        string[] afterComm = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal("7", afterComm[16]);   // field 19, nice; afterComm[0] is field 3
    }

    [Fact]
    public void A_vanished_process_is_reported_not_thrown()
    {
        _child.Kill();
        _child.WaitForExit();
        ProcessControlResult result = ProcessControl.Instance.Kill(_child.Id, Signal.Term.Number);
        Assert.False(result.Succeeded);
        Assert.Equal(Errno.ESRCH, result.Errno);
        Assert.Equal("No such process (ESRCH)", result.Error);
    }

    [Fact]
    public void Pid_zero_or_below_is_refused_before_any_syscall()
    {
        Assert.Equal("Invalid argument (EINVAL)", ProcessControl.Instance.Kill(0, Signal.Kill.Number).Error);
        Assert.Equal(Errno.EINVAL, ProcessControl.Instance.Kill(-1, Signal.Kill.Number).Errno);
        Assert.Equal(Errno.EINVAL, ProcessControl.Instance.SetPriority(0, 5).Errno);
    }

    [Theory]
    [InlineData(Errno.EPERM, "Operation not permitted (EPERM)")]
    [InlineData(Errno.EACCES, "Permission denied (EACCES)")]
    [InlineData(999, "Unknown error 999 (errno 999)")]
    public void Errno_text_reads_like_strerror_with_the_name(int errno, string text) =>
        Assert.Equal(text, Errno.Describe(errno));

    public void Dispose()
    {
        if (!_child.HasExited) _child.Kill();
        _child.Dispose();
    }
}
