namespace TopSharp.Core.Processes;

/// <summary>Where a process's files live: <c>proc/PID/FILE</c>, or <c>proc/PID/task/TID/FILE</c> for one thread.</summary>
internal static class PidPath
{
    public static string Of(KernelRoot root, int pid, int? tid, string file) =>
        root.Proc(tid is int t ? $"{pid}/task/{t}/{file}" : $"{pid}/{file}");
}
