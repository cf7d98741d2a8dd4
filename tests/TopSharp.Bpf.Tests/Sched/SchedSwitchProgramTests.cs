using TopSharp.Bpf.Btf;
using TopSharp.Bpf.Sched;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests.Sched;

/// <summary>
/// sched.bpf.c's logic, exactly, through BPF_PROG_TEST_RUN on synthetic sched_switch contexts
/// (preempt, prev, next, prev_state) run on CPU 0 (BPF_F_TEST_RUN_ON_CPU), with the program loaded
/// but not attached, so only these runs touch its account. next points at kernel bytes whose "pid"
/// the test knows (<see cref="KnownKernelBytes"/>). The program stamps with the kernel's
/// CLOCK_MONOTONIC, which no fake clock can drive: the test brackets each run with its own reads of
/// that clock and sleeps a few milliseconds between runs so that segments have a length.
/// </summary>
public sealed class SchedSwitchProgramTests
{
    private const int Cpu = 0;
    private static readonly TimeSpan Segment = TimeSpan.FromMilliseconds(20);

    /// <summary>Looked up once for the class.</summary>
    private static readonly Lazy<int> TaskPidOffset = new(() => BtfTypes.Vmlinux().MemberOffsetBytes("task_struct", "pid"));
    private static readonly Lazy<KnownKernelBytes> Known = new(KnownKernelBytes.Find);

    private sealed class Loaded : IDisposable
    {
        public Loaded(bool configure = true)
        {
            Requires.Root("loads the sched_switch program (BPF_PROG_LOAD, BPF_PROG_TEST_RUN)");
            PidOffset = TaskPidOffset.Value;
            Kernel = Known.Value;
            Object = BpfObject.LoadEmbedded(SchedSwitchProbe.ObjectName);
            if (configure) SchedSwitchProbe.Configure(Object, PidOffset);
        }

        public BpfObject Object { get; }
        public int PidOffset { get; }
        public KnownKernelBytes Kernel { get; }

        /// <summary>One switch on CPU 0 to <paramref name="next"/>, bracketed by CLOCK_MONOTONIC reads.</summary>
        public (ulong Before, ulong After) SwitchTo(ulong next)
        {
            ulong before = SchedNative.MonotonicNs();
            Assert.Equal(0u, Object.Program("sched_switch").TestRun(TestObjects.Context(0, 0, (long)next, 0), Cpu));
            return (before, SchedNative.MonotonicNs());
        }

        public ulong Idle => Kernel.IdleTask(PidOffset);
        public ulong Other => Kernel.OtherTask(PidOffset);

        public SchedCpuAccount Account()
        {
            BpfMap cpus = Object.Map("sched_cpus");
            byte[] value = new byte[cpus.ValueBufferSize];
            Assert.True(cpus.TryLookup(new byte[4], value));
            return SchedCpuAccount.Parse(cpus.PerCpu(value, Cpu));
        }

        public void Dispose() => Object.Dispose();
    }

    [SkippableFact]
    public void Without_the_pid_offset_nothing_is_counted()
    {
        using var p = new Loaded(configure: false);
        p.SwitchTo(p.Other);
        Thread.Sleep(Segment);
        p.SwitchTo(p.Idle);

        Assert.Equal(default, p.Account());
    }

    [SkippableFact]
    public void The_first_switch_only_starts_a_segment()
    {
        using var p = new Loaded();
        (ulong before, ulong after) = p.SwitchTo(p.Other);

        SchedCpuAccount a = p.Account();
        Assert.Equal(0UL, a.BusyNs);
        Assert.InRange(a.LastSwitchNs, before, after);
        Assert.False(a.RunningIdle);
        Assert.Equal((1UL, 1UL), (a.SeqBegun, a.SeqDone));
    }

    [SkippableFact]
    public void A_segment_of_another_task_is_counted_and_one_of_the_idle_task_is_not()
    {
        using var p = new Loaded();
        (ulong start0, ulong start1) = p.SwitchTo(p.Other);
        Thread.Sleep(Segment);
        (ulong end0, ulong end1) = p.SwitchTo(p.Idle);

        SchedCpuAccount afterBusy = p.Account();
        Assert.InRange(afterBusy.BusyNs, end0 - start1, end1 - start0);
        Assert.True(afterBusy.RunningIdle);
        Assert.True(afterBusy.IsConsistent);

        Thread.Sleep(Segment);
        (ulong next0, ulong next1) = p.SwitchTo(p.Other);
        SchedCpuAccount afterIdle = p.Account();
        Assert.Equal(afterBusy.BusyNs, afterIdle.BusyNs);
        Assert.InRange(afterIdle.LastSwitchNs, next0, next1);
        Assert.False(afterIdle.RunningIdle);
        Assert.Equal((3UL, 3UL), (afterIdle.SeqBegun, afterIdle.SeqDone));

        // The segment still running is user space's to add.
        ulong now = SchedNative.MonotonicNs();
        Assert.Equal(afterIdle.BusyNs + (now - afterIdle.LastSwitchNs), afterIdle.BusyNsAt(now));
    }

    [SkippableFact]
    public void An_unreadable_next_task_leaves_its_segment_uncounted()
    {
        using var p = new Loaded();
        p.SwitchTo(p.Other);
        Thread.Sleep(Segment);
        p.SwitchTo(0); // NULL + offset: bpf_probe_read_kernel fails

        SchedCpuAccount unknown = p.Account();
        Assert.False(unknown.IsKnown);
        Assert.True(unknown.BusyNs > 0);

        Thread.Sleep(Segment);
        p.SwitchTo(p.Other);
        Assert.Equal(unknown.BusyNs, p.Account().BusyNs);
        Assert.True(p.Account().IsKnown);
    }
}
