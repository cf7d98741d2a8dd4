using System.Runtime.InteropServices;
using TopSharp.Bpf;
using Xunit;
using TopSharp.Testing;

namespace TopSharp.Bpf.Tests;

/// <summary>The loader against the kernel: needs root (or CAP_BPF + CAP_PERFMON); skips otherwise.</summary>
public class LoaderTests
{
    private static BpfObject LoadTestObject()
    {
        Requires.Root("creates BPF maps and loads programs");
        return BpfObject.Load(TestObjects.LoaderTestSpec());
    }

    [SkippableFact]
    public void A_test_run_reaches_a_hash_a_per_cpu_array_and_a_ring_buffer()
    {
        using BpfObject obj = LoadTestObject();
        BpfProgram program = obj.Program("record_args");
        Assert.Equal(7u, program.TestRun(TestObjects.Context(5, 3)));
        Assert.Equal(7u, program.TestRun(TestObjects.Context(5, 4)));

        Assert.True(obj.Map("hits").TryLookup(5UL, out ulong hits));
        Assert.Equal(7UL, hits);

        BpfMap percpu = obj.Map("percpu");
        Assert.Equal(8 * PossibleCpus.Count, percpu.ValueBufferSize);
        byte[] value = new byte[percpu.ValueBufferSize];
        Assert.True(percpu.TryLookup(BitConverter.GetBytes(0u), value));
        Assert.Equal(2UL, percpu.SumUInt64(value, 0));

        using var ring = new BpfRingBuffer(obj.Map("events"));
        Assert.True(ring.Wait(0));
        var records = new List<(long, long)>();
        Assert.Equal(2, ring.Consume(r => records.Add((MemoryMarshal.Read<long>(r), MemoryMarshal.Read<long>(r[8..])))));
        Assert.Equal([(5L, 3L), (5L, 4L)], records);
        Assert.Equal(0, ring.Pending);
        Assert.Equal(0, ring.Consume(_ => { }));
    }

    [SkippableFact]
    public void Element_calls_update_find_iterate_and_delete()
    {
        using BpfObject obj = LoadTestObject();
        BpfMap hits = obj.Map("hits");
        hits.Update(1UL, 10UL);
        hits.Update(2UL, 20UL, BpfUpdate.NoExist);
        Assert.Throws<BpfException>(() => hits.Update(2UL, 21UL, BpfUpdate.NoExist));
        var keys = new List<ulong>();
        byte[] key = new byte[8], next = new byte[8];
        for (bool has = false; hits.TryGetNextKey(has ? key : [], next); has = true)
        {
            keys.Add(BitConverter.ToUInt64(next));
            next.CopyTo(key, 0);
        }
        Assert.Equal([1UL, 2UL], keys.Order());
        Assert.True(hits.Delete(1UL));
        Assert.False(hits.Delete(1UL));
        Assert.False(hits.TryLookup(1UL, out ulong _));
        Assert.True(hits.TryLookup(2UL, out ulong v) && v == 20);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Draining_reads_every_entry_once_and_empties_the_map(bool keyByKey)
    {
        using BpfObject obj = LoadTestObject();
        BpfMap hits = obj.Map("hits");
        for (ulong k = 0; k < 1000; k++) hits.Update(k, k * 3);
        hits.BatchUnsupported = keyByKey;
        var seen = new Dictionary<ulong, ulong>();
        Assert.Equal(1000, hits.ReadAll((k, v) => seen.Add(BitConverter.ToUInt64(k), BitConverter.ToUInt64(v)), delete: true));
        Assert.Equal(1000, seen.Count);
        Assert.All(seen, kv => Assert.Equal(kv.Key * 3, kv.Value));
        Assert.Equal(0, hits.ReadAll((_, _) => { }));
    }

    [SkippableFact]
    public void Reading_without_delete_leaves_the_entries()
    {
        using BpfObject obj = LoadTestObject();
        BpfMap hits = obj.Map("hits");
        for (ulong k = 0; k < 300; k++) hits.Update(k, k);
        Assert.Equal(300, hits.ReadAll((_, _) => { }));
        Assert.Equal(300, hits.ReadAll((_, _) => { }));
    }

    [SkippableFact]
    public void An_attached_program_runs_on_every_syscall_and_stops_when_the_link_is_closed()
    {
        using BpfObject obj = LoadTestObject();
        BpfMap percpu = obj.Map("percpu");
        byte[] value = new byte[percpu.ValueBufferSize];
        ulong Count() => percpu.TryLookup(BitConverter.GetBytes(0u), value) ? percpu.SumUInt64(value, 0) : 0;
        using (obj.Program("record_args").AttachRawTracepoint())
        {
            for (int i = 0; i < 100; i++) getppid();
            Assert.True(Count() >= 100, $"{Count()} calls seen");
        }
        ulong after = Count();
        for (int i = 0; i < 100; i++) getppid();
        Assert.Equal(after, Count());
    }

    [SkippableFact]
    public void The_syscalls_object_loads_and_its_sys_enter_counts_a_synthetic_call()
    {
        Requires.Root("loads syscalls.bpf.o");
        using BpfObject obj = BpfObject.LoadEmbedded("syscalls.bpf.o");
        BpfProgram enter = obj.Program("sys_enter");
        for (int i = 0; i < 3; i++) enter.TestRun(TestObjects.Context(0, 4242));
        BpfMap counts = obj.Map("counts");
        byte[] value = new byte[counts.ValueBufferSize];
        Assert.True(counts.TryLookup(Key(TestObjects.Tgid, 4242), value));
        Assert.Equal(3UL, counts.SumUInt64(value, 0));
        Assert.Equal(0UL, counts.SumUInt64(value, 8));
    }

    [SkippableFact]
    public void A_verifier_rejection_carries_the_log()
    {
        Requires.Root("loads a program");
        byte[] exitWithoutR0 = [0x95, 0, 0, 0, 0, 0, 0, 0];
        var bad = new BpfObjectSpec
        {
            Name = "bad", License = "GPL", Maps = [],
            Programs = [new BpfProgramSpec("bad", "raw_tp/sys_enter", BpfProgramType.RawTracepoint, "sys_enter", exitWithoutR0, [])],
        };
        var e = Assert.Throws<BpfException>(() => BpfObject.Load(bad));
        Assert.Equal(BpfFailure.Rejected, e.Failure);
        Assert.Contains("R0 !read_ok", e.VerifierLog);
        Assert.Contains("R0 !read_ok", e.Message);
    }

    internal static byte[] Key(uint tgid, uint nr) => [.. BitConverter.GetBytes(tgid), .. BitConverter.GetBytes(nr)];

    [DllImport("libc")]
    private static extern int getppid();
}
