using System.Buffers.Binary;
using TopSharp.Bpf.Sched;
using TopSharp.Core.Cpu;
using Xunit;

namespace TopSharp.Bpf.Tests.Sched;

/// <summary>From the sched_cpus map's per-CPU bytes to a reading: pure, no kernel.</summary>
public class SchedCpuAccountTests
{
    private static byte[] Value(ulong seqDone, ulong busy, ulong lastSwitch, bool runningIdle, ulong seqBegun)
    {
        var v = new byte[SchedCpuAccount.Size];
        BinaryPrimitives.WriteUInt64LittleEndian(v, seqDone);
        BinaryPrimitives.WriteUInt64LittleEndian(v.AsSpan(8), busy);
        BinaryPrimitives.WriteUInt64LittleEndian(v.AsSpan(16), lastSwitch);
        BinaryPrimitives.WriteUInt32LittleEndian(v.AsSpan(24), runningIdle ? 1u : 0);
        BinaryPrimitives.WriteUInt64LittleEndian(v.AsSpan(32), seqBegun);
        return v;
    }

    [Fact]
    public void The_struct_mirrors_the_value_size_the_object_declares()
    {
        BpfObjectSpec spec = BpfObjectSpec.Parse(BpfObject.ReadEmbedded(SchedSwitchProbe.ObjectName), SchedSwitchProbe.ObjectName);

        BpfMapSpec cpus = spec.Maps.Single(m => m.Name == "sched_cpus");
        Assert.Equal(BpfMapType.PercpuArray, cpus.Type);
        Assert.Equal((uint)SchedCpuAccount.Size, cpus.ValueSize);
        Assert.Equal(4u, spec.Maps.Single(m => m.Name == "sched_config").ValueSize);
        Assert.Equal("GPL", spec.License);
    }

    [Fact]
    public void A_busy_cpu_adds_its_running_segment_and_an_idle_one_does_not()
    {
        byte[] values = [.. Value(7, 1_000, 5_000, runningIdle: false, 7), .. Value(3, 2_000, 5_500, runningIdle: true, 3)];

        Assert.True(SchedCpuAccount.TryRead(values, SchedCpuAccount.Size, 2, nowNs: 6_000, out SchedBusy reading));

        Assert.Equal(6_000UL, reading.MonotonicNs);
        Assert.Equal([new CpuBusyTime(0, 2_000), new CpuBusyTime(1, 2_000)], reading.Cpus);
    }

    [Fact]
    public void A_cpu_that_has_not_switched_since_the_attach_is_left_out()
    {
        byte[] values = [.. Value(0, 0, 0, false, 0), .. Value(1, 0, 5_000, false, 1)];

        Assert.True(SchedCpuAccount.TryRead(values, SchedCpuAccount.Size, 2, 6_000, out SchedBusy reading));

        Assert.Equal([new CpuBusyTime(1, 1_000)], reading.Cpus);
    }

    [Fact]
    public void A_copy_torn_by_a_switch_halfway_through_its_update_is_refused()
    {
        byte[] values = [.. Value(7, 1_000, 5_000, false, 7), .. Value(3, 2_000, 5_500, false, 4)];

        Assert.False(SchedCpuAccount.TryRead(values, SchedCpuAccount.Size, 2, 6_000, out _));
    }

    [Fact]
    public void A_clock_read_before_the_last_switch_adds_nothing_rather_than_wrapping()
    {
        Assert.Equal(1_000UL, SchedCpuAccount.Parse(Value(1, 1_000, 5_000, false, 1)).BusyNsAt(4_000));
    }
}
