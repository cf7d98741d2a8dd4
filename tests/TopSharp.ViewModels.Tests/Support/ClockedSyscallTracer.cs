using Microsoft.Extensions.Time.Testing;
using TopSharp.Bpf.Syscalls;

namespace TopSharp.ViewModels.Tests.Support;

/// <summary>A syscall tracer without the kernel: cumulative counts set by the test, stamped with the virtual clock.</summary>
internal sealed class ClockedSyscallTracer(FakeTimeProvider time) : ISyscallTracer
{
    private readonly Dictionary<SyscallKey, SyscallTotals> _totals = [];

    public int Attaches { get; private set; }
    public int Detaches { get; private set; }
    public int Samples { get; private set; }
    public bool IsAttached { get; private set; }
    public bool Latency { get; set; }

    /// <summary>Adds calls (and failed calls) of syscall <paramref name="nr"/> by process <paramref name="tgid"/>.</summary>
    public void Count(int tgid, int nr, ulong calls, ulong errors = 0)
    {
        var key = new SyscallKey(tgid, nr);
        SyscallTotals before = _totals.GetValueOrDefault(key) ?? new SyscallTotals(0, 0, 1, null);
        _totals[key] = before with { Calls = before.Calls + calls, Errors = before.Errors + errors };
    }

    public void Attach() { Attaches++; IsAttached = true; }
    public void Detach() { Detaches++; IsAttached = false; }

    public SyscallSnapshot Sample()
    {
        Samples++;
        return new SyscallSnapshot(1, time.GetUtcNow() - time.Start, Latency, new Dictionary<SyscallKey, SyscallTotals>(_totals),
            new Dictionary<int, ProcessName>());
    }

    public void Dispose() { }
}
