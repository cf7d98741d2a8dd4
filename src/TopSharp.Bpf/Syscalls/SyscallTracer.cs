using System.Runtime.InteropServices;
using TopSharp.Core;

namespace TopSharp.Bpf.Syscalls;

/// <summary>
/// syscalls.bpf.c, loaded: <see cref="Attach"/> while someone looks, <see cref="Sample"/> every refresh
/// (drains the kernel's counters with lookup-and-delete batches and adds them to running totals, so the
/// kernel maps never fill up), <see cref="Latency"/> switches timing on and off at run time.
/// Names: read by user space from /proc/TGID/comm at each drain; for a process gone by then, the copy the
/// program stored at its first call (its comms map), marked <see cref="ProcessName.Exited"/>.
/// </summary>
public sealed class SyscallTracer : ISyscallTracer
{
    public const string ObjectName = "syscalls.bpf.o";
    private static long s_epochs;

    private readonly BpfObject _object;
    private readonly TimeProvider _time;
    private readonly Dictionary<SyscallKey, Totals> _totals = [];
    private readonly Dictionary<int, ProcessName> _names = [];
    private readonly KernelFile _file = new(256);
    private readonly long _epoch = Interlocked.Increment(ref s_epochs);
    private readonly (uint NrOffset, uint Exit, uint ExitGroup) _arch;
    private BpfLink? _enter, _exit, _park;
    private uint _latencyGeneration, _generations;
    private bool _latencyEverOn;
    private long _drains;

    private SyscallTracer(BpfObject obj, TimeProvider time)
    {
        _object = obj;
        _time = time;
        _arch = SyscallNames.ArchFacts(RuntimeInformation.ProcessArchitecture);
        WriteConfig();
    }

    /// <summary>Loads the programs (not attached yet). Throws <see cref="BpfException"/>: NotPrivileged, NotSupported, ...</summary>
    public static SyscallTracer Open(TimeProvider? time = null)
    {
        BpfObject obj = BpfObject.LoadEmbedded(ObjectName);
        try { return new SyscallTracer(obj, time ?? TimeProvider.System); }
        catch { obj.Dispose(); throw; }
    }

    /// <summary>Like <see cref="Open"/>, but a failure is a sentence for the user (no privileges, no BPF, ...), never an exception.</summary>
    public static bool TryOpen(out SyscallTracer? tracer, out string reason, TimeProvider? time = null)
    {
        tracer = null;
        reason = "";
        try
        {
            tracer = Open(time);
            return true;
        }
        catch (BpfException e)
        {
            reason = e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            reason = $"BPF is not available: {e.Message}";
        }
        return false;
    }

    internal BpfObject Object => _object;

    public bool IsAttached => _enter is not null;

    public bool Latency
    {
        get => _latencyGeneration != 0;
        set
        {
            if (value == Latency) return;
            // a new generation on every switch-on, so a stamp taken before a switch-off never pairs
            _latencyGeneration = value ? Math.Max(1, ++_generations) : 0;
            _latencyEverOn |= value;
            WriteConfig();
            if (IsAttached) AttachPark();
        }
    }

    public void Attach()
    {
        if (IsAttached) return;
        try
        {
            _enter = _object.Program("sys_enter").AttachRawTracepoint();
            _exit = _object.Program("sys_exit").AttachRawTracepoint();
            AttachPark();
        }
        catch { Detach(); throw; }
    }

    /// <summary>
    /// sched_switch's `park` keeps the stamp of a thread switched out inside a syscall; it is needed, and
    /// every context switch pays for it, only while latency is on.
    /// </summary>
    private void AttachPark()
    {
        if (Latency && _park is null) _park = _object.Program("park").AttachRawTracepoint();
        else if (!Latency && _park is not null) { _park.Dispose(); _park = null; }
    }

    /// <summary>Closes every link: from here on no syscall or context switch pays for the programs.</summary>
    public void Detach()
    {
        _park?.Dispose();
        _exit?.Dispose();
        _enter?.Dispose();
        _park = _exit = _enter = null;
    }

    /// <summary>Drains the kernel's counters into the running totals and returns them as a snapshot.</summary>
    public SyscallSnapshot Sample()
    {
        long drain = ++_drains;
        var touched = new HashSet<SyscallKey>();
        BpfMap counts = _object.Map("counts");
        counts.ReadAll((key, value) =>
        {
            SyscallKey k = Key(key);
            Totals t = TotalsOf(k, drain);
            t.Calls += counts.SumUInt64(value, 0);
            t.Errors += counts.SumUInt64(value, 8);
            touched.Add(k);
        }, delete: true);

        if (_latencyEverOn)
        {
            BpfMap timed = _object.Map("timed");
            timed.ReadAll((key, value) =>
            {
                SyscallKey k = Key(key);
                Totals t = TotalsOf(k, drain);
                ReadOnlySpan<ulong> hist = MemoryMarshal.Cast<byte, ulong>(value)[..SyscallSnapshot.BucketCount];
                t.Buckets ??= new ulong[SyscallSnapshot.BucketCount];
                for (int slot = 0; slot < hist.Length; slot++) t.Buckets[slot] += hist[slot];
                touched.Add(k);
            }, delete: true);
        }

        foreach (SyscallKey idle in _totals.Keys.Where(k => !touched.Contains(k)).ToList())
            _totals.Remove(idle); // nothing since the last drain: forget it (a later call starts a new Since)
        RefreshNames(touched);

        var byKey = new Dictionary<SyscallKey, SyscallTotals>(_totals.Count);
        foreach ((SyscallKey k, Totals t) in _totals)
            byKey[k] = new SyscallTotals(t.Calls, t.Errors, t.Since, (ulong[]?)t.Buckets?.Clone());
        return new SyscallSnapshot(_epoch, _time.GetElapsedTime(0), Latency, byKey, new Dictionary<int, ProcessName>(_names));
    }

    private Totals TotalsOf(SyscallKey key, long drain)
    {
        if (!_totals.TryGetValue(key, out Totals? t)) _totals[key] = t = new Totals { Since = drain };
        return t;
    }

    private static SyscallKey Key(ReadOnlySpan<byte> key) =>
        new(MemoryMarshal.Read<int>(key), MemoryMarshal.Read<int>(key[4..]));

    private void RefreshNames(HashSet<SyscallKey> touched)
    {
        var live = new HashSet<int>(touched.Select(k => k.Tgid));
        foreach (int gone in _names.Keys.Where(t => !live.Contains(t)).ToList()) _names.Remove(gone);
        BpfMap comms = _object.Map("comms");
        Span<byte> comm = stackalloc byte[16];
        foreach (int tgid in live)
        {
            if (_file.TryRead($"/proc/{tgid}/comm", out ReadOnlySpan<byte> text))
                _names[tgid] = new ProcessName(System.Text.Encoding.UTF8.GetString(text.TrimEnd((byte)'\n')), false);
            else if (comms.TryLookup(BitConverter.GetBytes(tgid), comm))
                _names[tgid] = new ProcessName(System.Text.Encoding.UTF8.GetString(comm.IndexOf((byte)0) is var end and >= 0 ? comm[..end] : comm), true);
            else if (!_names.ContainsKey(tgid))
                _names[tgid] = new ProcessName("?", true);
        }
    }

    private void WriteConfig()
    {
        Span<uint> config = [_latencyGeneration, _arch.NrOffset, _arch.Exit, _arch.ExitGroup];
        _object.Map("config").Update(BitConverter.GetBytes(0u), MemoryMarshal.AsBytes(config));
    }

    public void Dispose()
    {
        Detach();
        _object.Dispose();
        _file.Dispose();
    }

    private sealed class Totals
    {
        public ulong Calls, Errors;
        public long Since;
        public ulong[]? Buckets;
    }
}
