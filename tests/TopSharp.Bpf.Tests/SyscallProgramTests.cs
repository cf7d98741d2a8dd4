using System.Runtime.InteropServices;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Text;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>
/// syscalls.bpf.c's logic, exactly, through BPF_PROG_TEST_RUN on synthetic raw_tp contexts {pt_regs*, id or ret}:
/// independent of the machine's syscall traffic (the programs are loaded, never attached).
/// </summary>
public sealed class SyscallProgramTests : IDisposable
{
    private const long Nr = 300;
    private readonly SyscallTracer _tracer;
    private readonly CpuList? _affinity;

    public SyscallProgramTests()
    {
        Requires.Root("loads syscalls.bpf.o");
        _tracer = SyscallTracer.Open();
        // latency mode keeps the pending stamp in a per-CPU slot: enter and exit must see the same one
        _affinity = CgroupControl.GetAffinity(gettid());
        PinTo(0);
    }

    public void Dispose()
    {
        if (_affinity is { } all) CgroupControl.Instance.SetAffinity(gettid(), all);
        _tracer.Dispose();
    }

    private static void PinTo(int cpu) => Assert.True(CgroupControl.Instance.SetAffinity(gettid(), CpuList.Of(cpu)).Succeeded);

    private void Enter(long nr) => _tracer.Object.Program("sys_enter").TestRun(TestObjects.Context(0, nr));

    private void Exit(long ret) => _tracer.Object.Program("sys_exit").TestRun(TestObjects.Context(0, ret));

    /// <summary>sched_switch with this thread as the one switched out (its args are not read).</summary>
    private void SwitchOut() => _tracer.Object.Program("park").TestRun(TestObjects.Context(0, 0, 0, 0));

    private (ulong Calls, ulong Errors) Counts(long nr)
    {
        BpfMap counts = _tracer.Object.Map("counts");
        byte[] value = new byte[counts.ValueBufferSize];
        return counts.TryLookup(LoaderTests.Key(TestObjects.Tgid, (uint)nr), value)
            ? (counts.SumUInt64(value, 0), counts.SumUInt64(value, 8)) : (0, 0);
    }

    /// <summary>The calls timed[{tgid, nr}]'s histogram stands for: the sum of its weighted buckets; 0 when absent.</summary>
    private ulong Timed(long nr)
    {
        BpfMap timed = _tracer.Object.Map("timed");
        byte[] value = new byte[timed.ValueBufferSize];
        return timed.TryLookup(LoaderTests.Key(TestObjects.Tgid, (uint)nr), value)
            ? MemoryMarshal.Cast<byte, ulong>(value).ToArray().Aggregate(0UL, (a, b) => a + b) : 0;
    }

    /// <summary>CPU <paramref name="cpu"/>'s syscall slot: its stamp, the call's number and the owning thread (0: none).</summary>
    private (ulong Ts, uint Nr, uint Tid) Inflight(int cpu)
    {
        BpfMap inflight = _tracer.Object.Map("inflight");
        byte[] value = new byte[inflight.ValueBufferSize];
        Assert.True(inflight.TryLookup(BitConverter.GetBytes(0u), value));
        ReadOnlySpan<byte> slot = value.AsSpan(cpu * inflight.ValueStride);
        return (BitConverter.ToUInt64(slot), BitConverter.ToUInt32(slot[20..]), BitConverter.ToUInt32(slot[16..]));
    }

    /// <summary>This thread's stamp in parked: its ts, or null when it has no entry.</summary>
    private ulong? Parked()
    {
        byte[] stamp = new byte[24];
        return _tracer.Object.Map("parked").TryLookup(BitConverter.GetBytes(gettid()), stamp) ? BitConverter.ToUInt64(stamp) : null;
    }

    [SkippableFact]
    public void Counting_mode_counts_each_enter_and_times_nothing()
    {
        for (int i = 0; i < 3; i++) Enter(Nr);
        Exit(0);
        Assert.Equal((3UL, 0UL), Counts(Nr));
        Assert.Equal(0U, Inflight(0).Tid);
        Assert.Equal(0UL, Timed(Nr));
    }

    [SkippableFact]
    public void The_process_name_is_kept_by_the_program_for_after_its_exit()
    {
        Enter(Nr);
        byte[] comm = new byte[16];
        Assert.True(_tracer.Object.Map("comms").TryLookup(BitConverter.GetBytes(TestObjects.Tgid), comm));
        string thread = File.ReadAllText($"/proc/self/task/{gettid()}/comm").TrimEnd('\n');
        Assert.Equal(thread, System.Text.Encoding.UTF8.GetString(comm).TrimEnd('\0'));
    }

    [SkippableFact]
    public void Latency_mode_takes_this_cpus_slot_and_the_exit_times_the_call_there()
    {
        _tracer.Latency = true;
        Enter(Nr);
        (ulong ts, uint nr, uint tid) = Inflight(0);
        Assert.True(ts > 0); // the first calls of a tick are all timed
        Assert.Equal(((uint)Nr, (uint)gettid()), (nr, tid));
        Assert.Equal((1UL, 0UL), Counts(Nr)); // counted at enter, as without latency
        Exit(0);
        Assert.Equal(0U, Inflight(0).Tid);
        Assert.Null(Parked()); // the fast path touches no per-thread entry
        Assert.Equal(1UL, Timed(Nr));
        SyscallSnapshot snapshot = _tracer.Sample();
        SyscallTotals totals = snapshot.ByKey[new SyscallKey((int)TestObjects.Tgid, (int)Nr)];
        Assert.Equal(1UL, totals.Calls);
        Assert.Equal(1UL, totals.Buckets!.Aggregate(0UL, (a, b) => a + b));
    }

    [SkippableFact]
    public void A_thread_switched_out_inside_a_call_is_paired_from_parked_wherever_it_returns()
    {
        _tracer.Latency = true;
        Enter(Nr);
        SwitchOut();
        Assert.Equal(0U, Inflight(0).Tid);
        Assert.True(Parked() > 0);
        if (Environment.ProcessorCount > 1) PinTo(1); // it resumes on another CPU
        Exit(-2);
        Assert.Equal(0UL, Parked()); // consumed in place
        Assert.Equal((1UL, 1UL), Counts(Nr));
        Assert.Equal(1UL, Timed(Nr));
    }

    [SkippableFact]
    public void A_thread_switched_out_between_calls_parks_nothing()
    {
        _tracer.Latency = true;
        Enter(Nr);
        Exit(0);
        SwitchOut();
        Assert.Null(Parked());
    }

    [SkippableFact]
    public void An_error_return_is_counted_against_the_number_in_the_slot()
    {
        _tracer.Latency = true;
        Enter(Nr);
        Exit(-2); // -ENOENT
        Enter(Nr);
        Exit(-4096); // not an errno: below -MAX_ERRNO
        Enter(Nr);
        Exit(-4095);
        Assert.Equal((3UL, 2UL), Counts(Nr));
        Assert.Equal(3UL, Timed(Nr));
    }

    [SkippableFact]
    public void Beyond_the_first_calls_of_a_tick_a_sample_is_timed_and_weighted_to_stand_for_all()
    {
        const int Calls = 4000; // a few ms of test runs: some ticks' budgets, then 1 in 16 at weight 16
        _tracer.Latency = true;
        for (int i = 0; i < Calls; i++)
        {
            Enter(Nr);
            Exit(0);
        }
        Assert.Equal((ulong)Calls, Counts(Nr).Calls); // counts stay exact
        // unweighted, the sample alone would sum to a few hundred; weighted it estimates every call (±6% is 1 sd here)
        Assert.InRange(Timed(Nr), (ulong)Calls * 3 / 4, (ulong)Calls * 5 / 4);
    }

    [SkippableFact]
    public void Without_a_slot_an_error_needs_pt_regs_and_a_bad_pointer_counts_nothing()
    {
        Exit(-2); // counting mode: sys_exit reads the number from pt_regs, here address 0 + offset: unreadable
        Assert.Empty(DrainKeys());
    }

    [SkippableFact]
    public void Exit_and_exit_group_are_counted_and_take_no_slot_because_they_never_return()
    {
        var (_, exit, exitGroup) = SyscallNames.ArchFacts(RuntimeInformation.ProcessArchitecture);
        _tracer.Latency = true;
        Enter(exitGroup);
        Enter(exit);
        Assert.Equal(0U, Inflight(0).Tid);
        Assert.Equal((1UL, 0UL), Counts(exit));
        Assert.Equal((1UL, 0UL), Counts(exitGroup));
    }

    [SkippableFact]
    public void A_call_entered_before_latency_went_on_is_counted_once_and_not_timed()
    {
        Enter(Nr);
        _tracer.Latency = true;
        Exit(0);
        Assert.Equal((1UL, 0UL), Counts(Nr));
        Assert.Equal(0UL, Timed(Nr));
    }

    [SkippableFact]
    public void A_stamp_from_before_latency_was_switched_off_and_on_never_pairs()
    {
        _tracer.Latency = true;
        Enter(Nr);
        _tracer.Latency = false;
        _tracer.Latency = true;
        Exit(0);
        Assert.Equal(0UL, Timed(Nr));
    }

    [SkippableFact]
    public void Sampling_drains_the_kernel_maps_and_keeps_running_totals()
    {
        Enter(Nr);
        Enter(Nr);
        SyscallSnapshot first = _tracer.Sample();
        Assert.Empty(DrainKeys()); // the map is empty after a sample
        Enter(Nr);
        SyscallSnapshot second = _tracer.Sample();
        var key = new SyscallKey((int)TestObjects.Tgid, (int)Nr);
        Assert.Equal(2UL, first.ByKey[key].Calls);
        Assert.Equal(3UL, second.ByKey[key].Calls);
        Assert.Equal(first.ByKey[key].Since, second.ByKey[key].Since);
        SyscallSnapshot third = _tracer.Sample(); // idle: forgotten
        Assert.False(third.ByKey.ContainsKey(key));
    }

    private List<byte[]> DrainKeys()
    {
        var keys = new List<byte[]>();
        _tracer.Object.Map("counts").ReadAll((k, _) => keys.Add(k.ToArray()));
        return keys;
    }

    [DllImport("libc")]
    private static extern int gettid();
}
