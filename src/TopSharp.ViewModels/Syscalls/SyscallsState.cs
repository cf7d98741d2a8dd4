namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// What the syscall pane shows, already formatted: the busiest syscalls (of the whole machine, or of the cgroup the
/// process table is filtered to) and those of the selected process. <see cref="Message"/> (with <see cref="Hint"/>)
/// replaces the tables when there is nothing to show: no privileges, no BPF, <c>--no-bpf</c>, or no interval yet.
/// </summary>
/// <param name="SystemTitle">What the upper table covers: "System-wide", or the cgroup, its processes and how many made syscalls.</param>
/// <param name="Cgroup">The cgroup the table is filtered to (the pane can scope to it), escaped; null when none.</param>
/// <param name="Scoped">The upper table covers <see cref="Cgroup"/> rather than the whole machine.</param>
/// <param name="ScopeNote">What the cgroup rows leave out (processes whose cgroup was never read); null when nothing.</param>
public sealed record SyscallsState(
    string? Message,
    string? Hint,
    bool Latency,
    IReadOnlyList<SyscallRow> System,
    string ProcessTitle,
    IReadOnlyList<SyscallRow> Process,
    string SystemTitle = "System-wide",
    string? Cgroup = null,
    bool Scoped = false,
    string? ScopeNote = null)
{
    public static SyscallsState Waiting { get; } = new("waiting for two samples", null, false, [], "", []);
}

/// <summary>One syscall: name, calls/s, errors/s and latency percentiles ("-" without latency mode).</summary>
public sealed record SyscallRow(string Name, string CallsPerSec, string ErrorsPerSec, string P50, string P99);
