using System.Runtime.InteropServices;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>The two cgroup and cpuset actions; a seam so view models can be tested without touching real processes.</summary>
public interface ICgroupControl
{
    /// <summary>sched_setaffinity(2): lets <paramref name="pid"/> (all its threads' future placement: the main thread's mask) run on <paramref name="cpus"/> only.</summary>
    ProcessControlResult SetAffinity(int pid, CpuList cpus);

    /// <summary>Writes <paramref name="pid"/> to the group's <c>cgroup.procs</c>: the whole process moves, in that one hierarchy.</summary>
    ProcessControlResult Move(int pid, string cgroupDirectory);
}

/// <summary>
/// The real calls, through libc; never throws. Each action is one system call, which the kernel applies
/// whole or refuses, so nothing is left half done; a refusal is explained by <see cref="CgroupErrors"/>.
/// </summary>
public sealed partial class CgroupControl : ICgroupControl
{
    public static CgroupControl Instance { get; } = new();

    private const int O_WRONLY = 1, O_CLOEXEC = 0x80000;

    public unsafe ProcessControlResult SetAffinity(int pid, CpuList cpus)
    {
        if (pid <= 0 || cpus.Count == 0) return ProcessControlResult.Failed(pid, Errno.EINVAL);
        var mask = new ulong[cpus.Ids[^1] / 64 + 1];
        foreach (int cpu in cpus.Ids) mask[cpu / 64] |= 1UL << (cpu % 64);
        fixed (ulong* p = mask)
            return sched_setaffinity(pid, (nuint)(mask.Length * sizeof(ulong)), p) == 0
                ? ProcessControlResult.Ok(pid)
                : Failed(pid, Marshal.GetLastPInvokeError(), CgroupErrors.Affinity);
    }

    /// <summary>The CPUs <paramref name="pid"/> may run on now (sched_getaffinity(2)); null when it cannot be read.</summary>
    public static unsafe CpuList? GetAffinity(int pid)
    {
        var mask = new ulong[CpuList.MaxId / 64 + 1];
        fixed (ulong* p = mask)
            if (sched_getaffinity(pid, (nuint)(mask.Length * sizeof(ulong)), p) < 0) return null;
        var ids = new List<int>();
        for (int i = 0; i < mask.Length * 64; i++)
            if ((mask[i / 64] & (1UL << (i % 64))) != 0) ids.Add(i);
        return CpuList.Of([.. ids]);
    }

    public unsafe ProcessControlResult Move(int pid, string cgroupDirectory)
    {
        if (pid <= 0) return ProcessControlResult.Failed(pid, Errno.EINVAL);
        int fd = open(Path.Join(cgroupDirectory, "cgroup.procs"), O_WRONLY | O_CLOEXEC);
        if (fd < 0) return Failed(pid, Marshal.GetLastPInvokeError(), CgroupErrors.Move);
        try
        {
            byte[] text = System.Text.Encoding.ASCII.GetBytes($"{pid}\n");
            fixed (byte* p = text)
                return write(fd, p, (nuint)text.Length) == text.Length
                    ? ProcessControlResult.Ok(pid)
                    : Failed(pid, Marshal.GetLastPInvokeError(), CgroupErrors.Move);
        }
        finally
        {
            close(fd);
        }
    }

    private static ProcessControlResult Failed(int pid, int errno, Func<int, string> explain) =>
        new(pid, errno, explain(errno));

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_setaffinity(int pid, nuint cpusetsize, ulong* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_getaffinity(int pid, nuint cpusetsize, ulong* mask);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}

/// <summary>The kernel's refusals in words: strerror and the errno name, then what it means for this action.</summary>
public static class CgroupErrors
{
    public const int ENOENT = 2, EBUSY = 16, ENODEV = 19, EOPNOTSUPP = 95;

    /// <summary>sched_setaffinity(2) refusals.</summary>
    public static string Affinity(int errno) => With(errno, errno switch
    {
        Errno.EINVAL => "none of those CPUs is online and allowed by the process's cpuset (cpuset.cpus.effective)",
        Errno.EPERM => "needs root (CAP_SYS_NICE) to change another user's process",
        Errno.ESRCH => "the process has exited",
        _ => null,
    });

    /// <summary>Refusals of a write to cgroup.procs (Documentation/admin-guide/cgroup-v2.rst "No Internal Process Constraint", cgroup-v1/cpusets.rst).</summary>
    public static string Move(int errno) => With(errno, errno switch
    {
        EBUSY => "the no internal process rule: that group enables controllers for its children (cgroup.subtree_control), so only a leaf group can take processes",
        Errno.EINVAL => "the group cannot take processes: a v1 cpuset with no cpus or mems, or a v2 group whose type is domain invalid",
        EOPNOTSUPP => "the group is threaded: move the process into its threaded domain instead",
        Errno.EACCES or Errno.EPERM => "needs root, or write access to cgroup.procs of the target and of the common ancestor",
        Errno.ESRCH => "the process has exited",
        ENOENT or ENODEV => "the group no longer exists",
        _ => null,
    });

    private static string With(int errno, string? meaning) =>
        meaning is null ? Errno.Describe(errno) : $"{Errno.Describe(errno)}: {meaning}";
}
