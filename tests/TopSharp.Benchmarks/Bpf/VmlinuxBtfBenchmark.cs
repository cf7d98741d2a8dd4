using BenchmarkDotNet.Attributes;
using TopSharp.Bpf.Btf;

namespace TopSharp.Benchmarks.Bpf;

/// <summary>
/// The running kernel's BTF (/sys/kernel/btf/vmlinux, ~5.5 MB here) looked up as the sched_switch probe
/// (offsetof(task_struct, pid)) and a tp_btf program (typedef btf_trace_X) do at each attach.
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*Btf*' --inProcess --iterationCount 5 --warmupCount 1</c>
/// </summary>
[MemoryDiagnoser]
public class VmlinuxBtfBenchmark
{
    /// <summary>The floor: reading the file, which each lookup does once.</summary>
    [Benchmark(Baseline = true)]
    public int ReadOnly() => File.ReadAllBytes(BtfTypes.VmlinuxPath).Length;

    [Benchmark]
    public int TaskStructPidOffset() => BtfTypes.Vmlinux().MemberOffsetBytes("task_struct", "pid");

    [Benchmark]
    public int SchedSwitchTracepointId() => BtfTypes.Vmlinux().Find("btf_trace_sched_switch", BtfKind.Typedef)!.Id;
}
