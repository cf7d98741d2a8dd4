using System.Buffers.Binary;
using TopSharp.Core.Cpu;

namespace TopSharp.Bpf.Sched;

/// <summary>
/// <c>struct sched_cpu</c> of sched.bpf.c, one CPU's value of the <c>sched_cpus</c> per-CPU array,
/// and the pure step from a lookup's per-CPU values to a <see cref="SchedBusy"/> reading.
/// </summary>
public readonly record struct SchedCpuAccount(ulong SeqDone, ulong BusyNs, ulong LastSwitchNs, bool RunningIdle, ulong SeqBegun)
{
    /// <summary>sizeof(struct sched_cpu): seq_done, busy_ns, last_switch_ns, running_idle + pad, seq_begun.</summary>
    public const int Size = 40;

    /// <summary>False when a switch was halfway through updating it while it was copied: read again.</summary>
    public bool IsConsistent => SeqDone == SeqBegun;

    /// <summary>Known once the CPU has switched since the attach (and its last switch read next->pid).</summary>
    public bool IsKnown => LastSwitchNs != 0;

    /// <summary>Busy nanoseconds up to <paramref name="nowNs"/>: the finished segments plus the running one unless it is idle.</summary>
    public ulong BusyNsAt(ulong nowNs) =>
        BusyNs + (RunningIdle || nowNs < LastSwitchNs ? 0 : nowNs - LastSwitchNs);

    public static SchedCpuAccount Parse(ReadOnlySpan<byte> value) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(value),
        BinaryPrimitives.ReadUInt64LittleEndian(value[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(value[16..]),
        BinaryPrimitives.ReadUInt32LittleEndian(value[24..]) != 0,
        BinaryPrimitives.ReadUInt64LittleEndian(value[32..]));

    /// <summary>
    /// One reading from the per-CPU values of key 0, <paramref name="stride"/> bytes for each of CPUs
    /// 0 .. <paramref name="cpuCount"/> − 1 (the possible CPUs, taken to be numbered without gaps), copied
    /// just before CLOCK_MONOTONIC said <paramref name="nowNs"/>. False when any CPU's copy was torn.
    /// CPUs not yet known are left out.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> perCpuValues, int stride, int cpuCount, ulong nowNs, out SchedBusy reading)
    {
        var cpus = new List<CpuBusyTime>(cpuCount);
        reading = new SchedBusy(nowNs, cpus);
        for (int cpu = 0; cpu < cpuCount && cpu * stride + Size <= perCpuValues.Length; cpu++)
        {
            SchedCpuAccount account = Parse(perCpuValues.Slice(cpu * stride, Size));
            if (!account.IsConsistent) return false;
            if (account.IsKnown) cpus.Add(new CpuBusyTime(cpu, account.BusyNsAt(nowNs)));
        }
        return true;
    }
}
