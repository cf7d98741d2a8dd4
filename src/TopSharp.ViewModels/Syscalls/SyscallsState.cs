namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// What the syscall pane shows, already formatted: the busiest syscalls system-wide and those of the
/// selected process. <see cref="Message"/> (with <see cref="Hint"/>) replaces the tables when there is
/// nothing to show: no privileges, no BPF, <c>--no-bpf</c>, or no interval yet.
/// </summary>
public sealed record SyscallsState(
    string? Message,
    string? Hint,
    bool Latency,
    IReadOnlyList<SyscallRow> System,
    string ProcessTitle,
    IReadOnlyList<SyscallRow> Process)
{
    public static SyscallsState Waiting { get; } = new("waiting for two samples", null, false, [], "", []);
}

/// <summary>One syscall: name, calls/s, errors/s and latency percentiles ("-" without latency mode).</summary>
public sealed record SyscallRow(string Name, string CallsPerSec, string ErrorsPerSec, string P50, string P99);
