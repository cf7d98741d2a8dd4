using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Tests.Support;

/// <summary>Records kill and renice calls; PIDs in <see cref="Denied"/> fail with EPERM.</summary>
internal sealed class FakeProcessControl : IProcessControl
{
    public List<(int Pid, int Signal)> Kills { get; } = [];
    public List<(int Pid, int Nice)> Renices { get; } = [];
    public HashSet<int> Denied { get; } = [];

    public ProcessControlResult Kill(int pid, int signal)
    {
        Kills.Add((pid, signal));
        return Denied.Contains(pid) ? ProcessControlResult.Failed(pid, Errno.EPERM) : ProcessControlResult.Ok(pid);
    }

    public ProcessControlResult SetPriority(int pid, int nice)
    {
        Renices.Add((pid, nice));
        return Denied.Contains(pid) ? ProcessControlResult.Failed(pid, Errno.EPERM) : ProcessControlResult.Ok(pid);
    }
}
