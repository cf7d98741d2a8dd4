using TopSharp.Bpf.Btf;
using TopSharp.Core.Cpu;

namespace TopSharp.Bpf.Sched;

/// <summary>
/// bpf/sched.bpf.c attached to the sched_switch raw tracepoint: per-CPU busy nanoseconds for the CPU
/// meters. <see cref="Read"/> from one thread at a time; Dispose detaches (so does the process's end).
/// </summary>
public sealed class SchedSwitchProbe : IDisposable
{
    public const string ObjectName = "sched.bpf.o";

    /// <summary>Copies of the per-CPU values that may be torn by a concurrent switch before giving up on a reading.</summary>
    private const int ReadAttempts = 4;

    private readonly BpfObject _object;
    private readonly BpfLink _link;
    private readonly BpfMap _cpus;
    private readonly byte[] _values;

    private SchedSwitchProbe(BpfObject obj, BpfLink link)
    {
        _object = obj;
        _link = link;
        _cpus = obj.Map("sched_cpus");
        _values = new byte[_cpus.ValueBufferSize];
    }

    /// <summary>
    /// Loads the program, writes offsetof(task_struct, pid) from the running kernel's BTF into its
    /// config, attaches it, and has this thread visit each CPU it may run on, so that every such CPU
    /// switches at once and its account is known from the first reading. Throws
    /// <see cref="BpfException"/> (unprivileged, no BPF, rejected) or <see cref="IOException"/> (no BTF).
    /// </summary>
    public static SchedSwitchProbe Attach()
    {
        BpfObject obj = BpfObject.LoadEmbedded(ObjectName);
        try
        {
            Configure(obj, BtfTypes.Vmlinux().MemberOffsetBytes("task_struct", "pid"));
            var probe = new SchedSwitchProbe(obj, obj.Program("sched_switch").AttachRawTracepoint());
            CpuVisits.EachAllowedCpu();
            return probe;
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    /// <summary>Sets <c>sched_config.task_pid_offset</c>: until it is non-zero the program counts nothing.</summary>
    internal static void Configure(BpfObject obj, int taskPidOffset) =>
        obj.Map("sched_config").Update(0u, (uint)taskPidOffset);

    /// <summary>The program's per-CPU accounts now; null when no consistent copy could be had or the lookup failed.</summary>
    public SchedBusy? Read()
    {
        Span<byte> key = stackalloc byte[sizeof(uint)]; // 0: the one element
        for (int attempt = 0; attempt < ReadAttempts; attempt++)
        {
            if (!_cpus.TryLookup(key, _values)) return null;
            ulong now = SchedNative.MonotonicNs();
            if (SchedCpuAccount.TryRead(_values, _cpus.ValueStride, PossibleCpus.Count, now, out SchedBusy reading)) return reading;
        }
        return null;
    }

    public void Dispose()
    {
        _link.Dispose();
        _object.Dispose();
    }
}
