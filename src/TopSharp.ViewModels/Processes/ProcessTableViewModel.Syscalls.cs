using TopSharp.Bpf;
using TopSharp.Bpf.Syscalls;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// SYSC/s and SYSERR/s: the syscall tracer is attached while either column is shown and detached when
/// neither is; each sample drains it and rates the interval per tgid (<see cref="SyscallRates.Between"/>).
/// </summary>
public sealed partial class ProcessTableViewModel
{
    private readonly Func<(ISyscallTracer? Tracer, string Reason)>? _openSyscalls;
    private ISyscallTracer? _syscalls;
    private bool _syscallsOpened;
    private SyscallSnapshot? _syscallsBefore;
    /// <summary>Per tgid, the last interval's rates; null (cells "-") while there is no figure.</summary>
    private Dictionary<int, ProcessSyscallRates>? _syscallRates;

    private static bool ShowsSyscalls(ProcessTableSettings s) =>
        s.Columns.Contains(ColumnId.SyscallRate) || s.Columns.Contains(ColumnId.SyscallErrorRate);

    /// <summary>Attaches or detaches the tracer for the columns. Caller holds the lock (or is the constructor).</summary>
    private void SetSyscallsShown(bool shown)
    {
        if (_openSyscalls is null) return;
        if (!shown)
        {
            _syscalls?.Detach();
            _syscallsBefore = null;
            if (_syscallRates is null) return;
            _syscallRates = null;
            // no stale figure if a column is shown again before the next interval
            _entries = _entries.ConvertAll(e => (e.Entry with { SyscallsPerSec = null, SyscallErrorsPerSec = null }, e.Flags));
            return;
        }
        if (!_syscallsOpened)
        {
            _syscallsOpened = true;
            _syscalls = _openSyscalls().Tracer;
        }
        if (_syscalls is null || _syscalls.IsAttached) return;
        try
        {
            _syscalls.Attach();
            _syscallsBefore = _syscalls.Sample(); // the first interval starts now
        }
        catch (BpfException e)
        {
            _messages.OnNext($"SYSC/s: {e.Message}");
        }
    }

    /// <summary>Drains the tracer and rates the interval since the last sample. Caller holds the lock.</summary>
    private void SampleSyscalls()
    {
        if (_syscalls is not { IsAttached: true } tracer || _syscallsBefore is null) return;
        SyscallSnapshot now = tracer.Sample();
        _syscallRates = SyscallRates.Between(_syscallsBefore, now, topPerProcess: 0).ByProcess.ToDictionary(p => p.Pid);
        _syscallsBefore = now;
    }

    /// <summary>A process row with its interval's rates (0 when it made no syscall); threads and rows without a figure unchanged.</summary>
    private ProcessEntry WithSyscalls(ProcessEntry e)
    {
        if (_syscallRates is null || e.IsThread) return e;
        return _syscallRates.TryGetValue(e.Pid, out ProcessSyscallRates? r)
            ? e with { SyscallsPerSec = r.PerSec, SyscallErrorsPerSec = r.ErrorsPerSec }
            : e with { SyscallsPerSec = 0, SyscallErrorsPerSec = 0 };
    }
}
