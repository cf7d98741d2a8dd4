using TopSharp.Bpf.Syscalls;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>The attached programs against a real child making an exact number of syscalls.</summary>
public class SyscallTracerTests
{
    private const int GetppidX64 = 110, CloseX64 = 3;

    private static SyscallTracer Attached(bool latency = false)
    {
        Requires.Root("attaches syscalls.bpf.o");
        Skip.IfNot(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64,
            "the syscall numbers asserted here are x86_64's");
        var tracer = SyscallTracer.Open();
        tracer.Latency = latency;
        tracer.Attach();
        return tracer;
    }

    [SkippableFact]
    public void A_child_making_200000_getppid_calls_is_counted_200000_and_its_failing_closes_as_errors()
    {
        using SyscallTracer tracer = Attached();
        SyscallSnapshot before = tracer.Sample();
        int pid = Syscaller.Run(200_000, failingCloses: 1_000);
        SyscallSnapshot after = tracer.Sample();

        SyscallTotals getppid = after.ByKey[new SyscallKey(pid, GetppidX64)];
        Assert.InRange(getppid.Calls, 199_000UL, 201_000UL); // ± 0.5 %
        Assert.Equal(0UL, getppid.Errors);
        SyscallTotals close = after.ByKey[new SyscallKey(pid, CloseX64)];
        Assert.InRange(close.Errors, 1_000UL, 1_005UL);
        Assert.True(close.Calls >= close.Errors);
        Assert.True(after.Names[pid].Exited);
        Assert.Equal("syscaller", after.Names[pid].Comm);

        SyscallRates rates = SyscallRates.Between(before, after);
        ProcessSyscallRates child = rates.ByProcess.Single(p => p.Pid == pid);
        Assert.Equal("getppid", child.Top[0].Name);
        Assert.Equal(getppid.Calls, child.Top[0].Count);
    }

    [SkippableFact]
    public void Latency_buckets_fill_and_their_percentiles_are_ordered()
    {
        using SyscallTracer tracer = Attached(latency: true);
        SyscallSnapshot before = tracer.Sample();
        int pid = Syscaller.Run(50_000);
        SyscallSnapshot after = tracer.Sample();

        SyscallTotals getppid = after.ByKey[new SyscallKey(pid, GetppidX64)];
        Assert.InRange(getppid.Calls, 50_000UL, 50_250UL); // counted exactly, as without latency
        // a flood is timed by sample (1 in 16 at weight 16 beyond each tick's first calls): the weighted
        // buckets estimate every call, ±1.7% for one standard deviation at this count
        Assert.InRange(getppid.Buckets!.Aggregate(0UL, (a, b) => a + b), 46_000UL, 54_000UL);

        SyscallRates rates = SyscallRates.Between(before, after);
        Assert.NotNull(rates.BySyscall.Single(r => r.Nr == GetppidX64).P50Ns); // the machine's: every process's buckets summed
        SyscallRate top = rates.ByProcess.Single(p => p.Pid == pid).Top[0];
        Assert.NotNull(top.P50Ns);
        Assert.InRange(top.P50Ns!.Value, 1, 1e6); // a getppid takes well under a millisecond
        Assert.True(top.P50Ns <= top.P99Ns);
    }

    [SkippableFact]
    public void Detaching_stops_the_counting()
    {
        using SyscallTracer tracer = Attached();
        tracer.Detach();
        tracer.Sample();
        int pid = Syscaller.Run(1_000);
        Assert.DoesNotContain(tracer.Sample().ByKey.Keys, k => k.Tgid == pid);
    }
}
