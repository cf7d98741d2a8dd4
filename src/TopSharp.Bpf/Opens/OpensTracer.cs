using System.Runtime.InteropServices;

namespace TopSharp.Bpf.Opens;

/// <summary>
/// The opens.bpf.o session: load, write the scope into <c>config</c>, map the <c>events</c> ring buffer,
/// attach <c>opens_exit</c> to raw_syscalls:sys_exit. Nothing runs in the kernel before <see cref="Start"/>
/// or after <see cref="Dispose"/>; the kernel also frees everything when the process ends, however it ends.
/// A failure to start is not thrown: it becomes <see cref="Unavailable"/>, in words for the view.
/// </summary>
public sealed class OpensTracer : IOpenEventSource
{
    public const string ObjectName = "opens.bpf.o";

    private readonly BpfObject? _object;
    private readonly BpfRingBuffer? _ring;
    private readonly BpfLink? _link;
    private readonly BpfMap? _lost;
    private static readonly byte[] ZeroKey = new byte[4];
    private readonly byte[] _lostValue = [];
    private readonly long _monotonicToUnixNs;
    private List<OpenEvent>? _into;
    private readonly BpfRecordHandler _onRecord;

    private OpensTracer(string reason)
    {
        Unavailable = reason;
        _onRecord = _ => { };
    }

    private OpensTracer(BpfObject obj, BpfRingBuffer ring, BpfLink link, long monotonicToUnixNs)
    {
        _object = obj;
        _ring = ring;
        _link = link;
        _lost = obj.Map("lost");
        _lostValue = new byte[_lost.ValueBufferSize];
        _monotonicToUnixNs = monotonicToUnixNs;
        _onRecord = record =>
        {
            if (OpenEvent.TryDecode(record, _monotonicToUnixNs, out OpenEvent? e)) _into!.Add(e!);
        };
    }

    public string? Unavailable { get; }

    /// <summary>Starts tracing <paramref name="scope"/>; on failure the tracer says why and yields nothing.</summary>
    public static OpensTracer Start(OpensScope scope, TimeProvider? time = null)
    {
        BpfObject? obj = null;
        BpfRingBuffer? ring = null;
        try
        {
            obj = BpfObject.LoadEmbedded(ObjectName);
            obj.Map("config").Update(0u, Config(scope));
            ring = new BpfRingBuffer(obj.Map("events"));
            BpfLink link = obj.Program("opens_exit").AttachRawTracepoint();
            return new OpensTracer(obj, ring, link, MonotonicClock.OffsetToUnixNs(time ?? TimeProvider.System));
        }
        catch (BpfException e)
        {
            ring?.Dispose();
            obj?.Dispose();
            return new OpensTracer(Reason(e));
        }
    }

    /// <summary>EINVAL creating the ring buffer means a kernel before 5.8; everything else speaks for itself.</summary>
    private static string Reason(BpfException e) =>
        e.Failure == BpfFailure.Other && e.Errno == 22 && e.Message.Contains("events", StringComparison.Ordinal)
            ? "this kernel has no BPF ring buffer (BPF_MAP_TYPE_RINGBUF needs Linux 5.8)"
            : e.Message.ReplaceLineEndings(" ");

    internal static OpensConfig Config(OpensScope scope) => new()
    {
        Scope = (uint)scope.Kind,
        Arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 1u : 0u,
        Tgid = scope.Kind == OpensScopeKind.Process ? (uint)scope.Tgid : 0,
        ExcludeTgid = scope.Kind == OpensScopeKind.All ? (uint)scope.Tgid : 0,
        CgroupId = scope.CgroupId,
        CgroupLevel = (uint)scope.CgroupLevel,
    };

    public int Drain(List<OpenEvent> into)
    {
        if (_ring is null) return 0;
        _into = into;
        return _ring.Consume(_onRecord);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for events (poll(2) on the ring buffer).</summary>
    public bool Wait(int timeoutMs) => _ring?.Wait(timeoutMs) ?? false;

    public ulong Lost => _lost is not null && _lost.TryLookup(ZeroKey, _lostValue) ? _lost.SumUInt64(_lostValue, 0) : 0;

    public void Dispose()
    {
        _link?.Dispose();
        _ring?.Dispose();
        _object?.Dispose();
    }
}

/// <summary>struct opens_config (bpf/opens.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OpensConfig
{
    public uint Scope;
    public uint Arch;
    public uint Tgid;
    public uint ExcludeTgid;
    public ulong CgroupId;
    public uint CgroupLevel;
    public uint Pad;
}
