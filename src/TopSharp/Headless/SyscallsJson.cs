using TopSharp.Bpf.Syscalls;

namespace TopSharp.Headless;

/// <summary>
/// <c>syscalls</c>: rates counted in the kernel by syscalls.bpf.c between the two readings. Without BPF
/// (<c>--no-bpf</c>, no privileges, a captured tree) <c>available</c> is false, <c>reason</c> says why in
/// words and the lists are empty; the rest of the report is unaffected.
/// </summary>
internal sealed record SyscallsJson(
    bool Available,
    string? Reason,
    bool Latency,
    IReadOnlyList<SyscallJson> BySyscall,
    IReadOnlyList<ProcessSyscallsJson> ByProcess,
    CgroupSyscallsJson? ByCgroup = null)
{
    public static SyscallsJson Unavailable(string reason) => new(false, reason, false, [], []);

    public static SyscallsJson From(SyscallRates rates, bool latency, Func<int, bool> selected) => new(
        true, null, latency,
        rates.BySyscall.Select(Syscall).ToList(),
        rates.ByProcess.Where(p => selected(p.Pid))
            .Select(p => new ProcessSyscallsJson(p.Pid, p.Comm, p.Exited, Round.Two(p.PerSec)!.Value, Round.Two(p.ErrorsPerSec)!.Value, p.Top.Select(Syscall).ToList()))
            .ToList());

    internal static SyscallJson Syscall(SyscallRate r) =>
        new(r.Nr, r.Name, r.Count, Round.Two(r.PerSec)!.Value, r.Errors, Round.Two(r.ErrorsPerSec)!.Value,
            r.P50Ns is { } p50 ? Math.Round(p50) : null, r.P99Ns is { } p99 ? Math.Round(p99) : null);
}

/// <summary>One syscall's count and rates in the interval; p50/p99 from log2 buckets (null unless latency was on).</summary>
internal sealed record SyscallJson(int Nr, string Name, ulong Count, double PerSec, ulong Errors, double ErrorsPerSec, double? P50Ns, double? P99Ns);

/// <summary>A process's syscalls in the interval; <c>exited</c> when it was gone at the second reading (then <c>comm</c> is the kernel program's copy).</summary>
internal sealed record ProcessSyscallsJson(int Pid, string Comm, bool Exited, double PerSec, double ErrorsPerSec, IReadOnlyList<SyscallJson> Top);
