using System.Runtime.InteropServices;
using TopSharp.Bpf.Syscalls;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>
/// syscalls.bpf.c's logic, exactly, through BPF_PROG_TEST_RUN on synthetic raw_tp contexts {pt_regs*, id or ret}:
/// independent of the machine's syscall traffic (the programs are loaded, never attached).
/// </summary>
public sealed class SyscallProgramTests : IDisposable
{
    private const long Nr = 300; // below MAX_NR, so it gets a system-wide histogram
    private readonly SyscallTracer _tracer;

    public SyscallProgramTests()
    {
        Requires.Root("loads syscalls.bpf.o");
        _tracer = SyscallTracer.Open();
    }

    public void Dispose() => _tracer.Dispose();

    private void Enter(long nr) => _tracer.Object.Program("sys_enter").TestRun(TestObjects.Context(0, nr));

    private void Exit(long ret) => _tracer.Object.Program("sys_exit").TestRun(TestObjects.Context(0, ret));

    private (ulong Calls, ulong Errors) Counts(long nr)
    {
        BpfMap counts = _tracer.Object.Map("counts");
        byte[] value = new byte[counts.ValueBufferSize];
        return counts.TryLookup(LoaderTests.Key(TestObjects.Tgid, (uint)nr), value)
            ? (counts.SumUInt64(value, 0), counts.SumUInt64(value, 8)) : (0, 0);
    }

    private ulong SystemHistogramTotal(long nr)
    {
        BpfMap hist = _tracer.Object.Map("sys_hist");
        byte[] value = new byte[hist.ValueBufferSize];
        ulong total = 0;
        for (uint slot = 0; slot < SyscallSnapshot.BucketCount; slot++)
            if (hist.TryLookup(BitConverter.GetBytes((uint)nr * SyscallSnapshot.BucketCount + slot), value)) total += hist.SumUInt64(value, 0);
        return total;
    }

    private bool HasStamp(out ulong ts)
    {
        ts = 0;
        byte[] stamp = new byte[16];
        if (!_tracer.Object.Map("start").TryLookup(BitConverter.GetBytes(gettid()), stamp)) return false;
        ts = BitConverter.ToUInt64(stamp);
        return true;
    }

    [SkippableFact]
    public void Counting_mode_counts_each_enter_and_times_nothing()
    {
        for (int i = 0; i < 3; i++) Enter(Nr);
        Exit(0);
        Assert.Equal((3UL, 0UL), Counts(Nr));
        Assert.False(HasStamp(out _));
        Assert.Equal(0UL, SystemHistogramTotal(Nr));
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
    public void Latency_mode_times_a_call_into_both_histograms_and_clears_the_stamp()
    {
        _tracer.Latency = true;
        Enter(Nr);
        Assert.True(HasStamp(out ulong ts) && ts > 0);
        Exit(0);
        Assert.True(HasStamp(out ts));
        Assert.Equal(0UL, ts); // zeroed in place: the entry stays, the stamp does not
        Assert.Equal(1UL, SystemHistogramTotal(Nr));
        SyscallSnapshot snapshot = _tracer.Sample();
        SyscallTotals totals = snapshot.ByKey[new SyscallKey((int)TestObjects.Tgid, (int)Nr)];
        Assert.Equal(1UL, totals.Calls);
        Assert.Equal(1UL, totals.Buckets!.Aggregate(0UL, (a, b) => a + b));
        Assert.Equal(1UL, snapshot.SystemBuckets[(int)Nr].Aggregate(0UL, (a, b) => a + b));
    }

    [SkippableFact]
    public void An_error_return_is_counted_against_the_number_stamped_at_enter()
    {
        _tracer.Latency = true;
        Enter(Nr);
        Exit(-2); // -ENOENT
        Enter(Nr);
        Exit(-4096); // not an errno: below -MAX_ERRNO
        Enter(Nr);
        Exit(-4095);
        Assert.Equal((3UL, 2UL), Counts(Nr));
    }

    [SkippableFact]
    public void Without_a_stamp_an_error_needs_pt_regs_and_a_bad_pointer_counts_nothing()
    {
        Exit(-2); // counting mode: sys_exit reads the number from pt_regs, here address 0 + offset: unreadable
        Assert.Empty(DrainKeys());
    }

    [SkippableFact]
    public void Exit_and_exit_group_remove_the_threads_stamp_because_they_never_return()
    {
        var (_, exit, exitGroup) = SyscallNames.ArchFacts(RuntimeInformation.ProcessArchitecture);
        _tracer.Latency = true;
        Enter(Nr);
        Assert.True(HasStamp(out _));
        Enter(exitGroup);
        Assert.False(HasStamp(out _));
        Enter(Nr);
        Enter(exit);
        Assert.False(HasStamp(out _));
        Assert.Equal((1UL, 0UL), Counts(exit));
    }

    [SkippableFact]
    public void A_stamp_from_before_latency_was_switched_off_and_on_never_pairs()
    {
        _tracer.Latency = true;
        Enter(Nr);
        _tracer.Latency = false;
        _tracer.Latency = true;
        Exit(0);
        Assert.Equal(0UL, SystemHistogramTotal(Nr));
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
