using System.Runtime.InteropServices;

namespace TopSharp.Bpf;

/// <summary>Why BPF is unavailable or an operation failed, in words a pane can show as they are.</summary>
public enum BpfFailure
{
    Other,
    /// <summary>EPERM: neither root nor CAP_BPF + CAP_PERFMON.</summary>
    NotPrivileged,
    /// <summary>ENOSYS: the kernel has no bpf(2).</summary>
    NotSupported,
    /// <summary>The verifier refused a program; <see cref="BpfException.VerifierLog"/> says why.</summary>
    Rejected,
    /// <summary>The object uses something this loader does not implement.</summary>
    Unsupported,
}

public sealed class BpfException : Exception
{
    public const string GrantHint = "run as root or `setcap cap_bpf,cap_perfmon+ep <binary>`";

    public BpfException(string message, BpfFailure failure = BpfFailure.Unsupported, int errno = 0, string? verifierLog = null)
        : base(message)
    {
        Failure = failure;
        Errno = errno;
        VerifierLog = verifierLog;
    }

    public BpfFailure Failure { get; }

    /// <summary>The errno of the failed bpf(2) call, 0 when no call failed.</summary>
    public int Errno { get; }

    public string? VerifierLog { get; }

    /// <summary>An exception for bpf(2) <paramref name="what"/> that returned -<paramref name="errno"/>.</summary>
    internal static BpfException FromErrno(string what, int errno) => errno switch
    {
        Native.BpfSyscall.EPERM => new BpfException($"not privileged: {GrantHint} ({MissingCapabilities()}; {what}: EPERM)", BpfFailure.NotPrivileged, errno),
        Native.BpfSyscall.ENOSYS => new BpfException("this kernel has no BPF: bpf(2) returned ENOSYS (CONFIG_BPF_SYSCALL is off)", BpfFailure.NotSupported, errno),
        _ => new BpfException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", BpfFailure.Other, errno),
    };

    /// <summary>Which of CAP_BPF (39) and CAP_PERFMON (38) the effective set lacks (CapEff in /proc/self/status, proc(5)).</summary>
    internal static string MissingCapabilities()
    {
        ulong effective = 0;
        foreach (string line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                effective = Convert.ToUInt64(line[7..].Trim(), 16);
        string[] missing = [.. new[] { (39, "CAP_BPF"), (38, "CAP_PERFMON") }.Where(c => (effective >> c.Item1 & 1) == 0).Select(c => c.Item2)];
        return missing.Length == 0 ? "CAP_BPF and CAP_PERFMON are present, something else refused" : "missing " + string.Join(" and ", missing);
    }
}
