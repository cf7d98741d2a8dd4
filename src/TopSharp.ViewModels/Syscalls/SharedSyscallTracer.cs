using TopSharp.Bpf.Syscalls;

namespace TopSharp.ViewModels.Syscalls;

/// <summary>
/// One syscall tracer for every consumer (the syscall pane, the SYSC/s and SYSERR/s columns): opened on the
/// first <see cref="Lease"/>, attached while any lease is attached and detached when none is. A snapshot is
/// cumulative (a forgotten key restarts its <see cref="SyscallTotals.Since"/>), so each lease rates its own intervals.
/// </summary>
public sealed class SharedSyscallTracer : IDisposable
{
    private readonly Func<(ISyscallTracer? Tracer, string Reason)> _open;
    private readonly Lock _lock = new();
    private ISyscallTracer? _tracer;
    private string? _failure;
    private int _attached;
    private bool _disposed;

    /// <param name="open">Opens the tracer, or says in words why it cannot (no privileges, no BPF, --no-bpf).</param>
    public SharedSyscallTracer(Func<(ISyscallTracer? Tracer, string Reason)> open) => _open = open;

    /// <summary>A handle on the shared tracer (its Dispose only detaches it), or why there is none.</summary>
    public (ISyscallTracer? Tracer, string Reason) Lease()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_tracer is null && _failure is null)
            {
                (_tracer, string reason) = _open();
                if (_tracer is null) _failure = reason;
            }
            return _tracer is null ? (null, _failure!) : (new Handle(this, _tracer), "");
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _tracer?.Dispose();
            _tracer = null;
        }
    }

    private sealed class Handle(SharedSyscallTracer owner, ISyscallTracer tracer) : ISyscallTracer
    {
        public bool IsAttached { get; private set; }

        public bool Latency
        {
            get => tracer.Latency;
            set { lock (owner._lock) tracer.Latency = value; }
        }

        public void Attach()
        {
            lock (owner._lock)
            {
                ObjectDisposedException.ThrowIf(owner._disposed, owner);
                if (IsAttached) return;
                if (owner._attached == 0) tracer.Attach();
                owner._attached++;
                IsAttached = true;
            }
        }

        public void Detach()
        {
            lock (owner._lock)
            {
                if (!IsAttached) return;
                IsAttached = false;
                if (--owner._attached == 0 && !owner._disposed) tracer.Detach();
            }
        }

        public SyscallSnapshot Sample()
        {
            lock (owner._lock) return tracer.Sample();
        }

        public void Dispose() => Detach();
    }
}
