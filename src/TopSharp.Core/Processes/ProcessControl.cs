using System.Runtime.InteropServices;

namespace TopSharp.Core.Processes;

/// <summary>Sends signals and changes nice values; a seam so view models can be tested without touching real processes.</summary>
public interface IProcessControl
{
    /// <summary>kill(2): sends <paramref name="signal"/> to <paramref name="pid"/>.</summary>
    ProcessControlResult Kill(int pid, int signal);

    /// <summary>setpriority(2) with PRIO_PROCESS: sets the nice value of <paramref name="pid"/> (a TID sets one thread).</summary>
    ProcessControlResult SetPriority(int pid, int nice);
}

/// <summary>The outcome of one kill or renice; <see cref="Error"/> reads like "Operation not permitted (EPERM)".</summary>
public readonly record struct ProcessControlResult(int Pid, int Errno, string Error)
{
    public bool Succeeded => Errno == 0;

    public static ProcessControlResult Ok(int pid) => new(pid, 0, "");

    public static ProcessControlResult Failed(int pid, int errno) => new(pid, errno, Processes.Errno.Describe(errno));
}

/// <summary>The real kill(2) and setpriority(2), through libc; never throws.</summary>
public sealed partial class ProcessControl : IProcessControl
{
    public static ProcessControl Instance { get; } = new();

    private const int PrioProcess = 0;

    public ProcessControlResult Kill(int pid, int signal)
    {
        // pid ≤ 0 addresses a process group or every process: never what a table row means.
        if (pid <= 0) return ProcessControlResult.Failed(pid, Errno.EINVAL);
        return kill(pid, signal) == 0 ? ProcessControlResult.Ok(pid) : ProcessControlResult.Failed(pid, Marshal.GetLastPInvokeError());
    }

    public ProcessControlResult SetPriority(int pid, int nice)
    {
        if (pid <= 0) return ProcessControlResult.Failed(pid, Errno.EINVAL);
        return setpriority(PrioProcess, (uint)pid, Math.Clamp(nice, -20, 19)) == 0
            ? ProcessControlResult.Ok(pid)
            : ProcessControlResult.Failed(pid, Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int prio);
}
