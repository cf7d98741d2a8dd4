using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Syscalls;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Syscalls;

/// <summary>The syscall pane's view model over a fake tracer: attach only while visible, rates per interval, latency, failures in words.</summary>
public class SyscallsViewModelTests
{
    private sealed class FakeTracer : ISyscallTracer
    {
        public readonly Queue<SyscallSnapshot> Snapshots = new();
        public int Attaches, Detaches, Samples;
        public bool IsAttached { get; private set; }
        public bool Latency { get; set; }
        public bool Disposed;
        public void Attach() { Attaches++; IsAttached = true; }
        public void Detach() { Detaches++; IsAttached = false; }
        public SyscallSnapshot Sample() { Samples++; return Snapshots.Dequeue(); }
        public void Dispose() => Disposed = true;
    }

    private static SyscallSnapshot At(double seconds, params (int Tgid, int Nr, ulong Calls, ulong Errors)[] keys) =>
        new(1, TimeSpan.FromSeconds(seconds), false,
            keys.ToDictionary(k => new SyscallKey(k.Tgid, k.Nr), k => new SyscallTotals(k.Calls, k.Errors, 1, null)),
            new Dictionary<int, ProcessName>());

    private static Sample SampleOf(params ProcessSample[] processes) => new(Snap(1, processes), null, null);

    [Fact]
    public void The_tracer_is_attached_only_while_the_pane_is_visible()
    {
        var tracer = new FakeTracer();
        tracer.Snapshots.Enqueue(At(0));
        tracer.Snapshots.Enqueue(At(2, (42, 110, 400, 0), (42, 3, 10, 10)));
        var samples = new Subject<Sample>();
        var visible = new ReactiveProperty<bool>(false);
        int opens = 0;
        using var vm = new SyscallsViewModel(samples, Observable.Return<ProcessKey?>(new ProcessKey(42, 1000)), visible, () => { opens++; return (tracer, ""); });

        samples.OnNext(SampleOf(Proc(42, comm: "worker")));
        Assert.Equal((0, 0), (opens, tracer.Samples)); // hidden: not even loaded

        visible.Value = true;
        Assert.Equal((1, 1, 1), (opens, tracer.Attaches, tracer.Samples)); // the interval starts when shown
        samples.OnNext(SampleOf(Proc(42, comm: "worker")));
        SyscallsState state = vm.State.CurrentValue;
        Assert.Null(state.Message);
        Assert.Equal(["getppid", "close"], state.System.Select(r => r.Name));
        Assert.Equal(("200", "0"), (state.System[0].CallsPerSec, state.System[0].ErrorsPerSec));
        Assert.Equal("5", state.System[1].ErrorsPerSec);
        Assert.Equal("PID 42 worker: 205 calls/s, 5 errors/s", state.ProcessTitle);
        Assert.Equal("-", state.Process[0].P50);

        visible.Value = false;
        Assert.Equal((1, false), (tracer.Detaches, tracer.IsAttached));
        samples.OnNext(SampleOf());
        Assert.Equal(2, tracer.Samples); // hidden: no draining
        Assert.Equal(1, opens);
    }

    [Fact]
    public void The_latency_key_switches_the_tracer_and_the_state()
    {
        var tracer = new FakeTracer();
        tracer.Snapshots.Enqueue(At(0));
        using var vm = new SyscallsViewModel(Observable.Never<Sample>(), Observable.Return<ProcessKey?>(null), Observable.Return(true), () => (tracer, ""));
        vm.ToggleLatency();
        Assert.True(tracer.Latency);
        Assert.True(vm.State.CurrentValue.Latency);
        vm.ToggleLatency();
        Assert.False(tracer.Latency);
    }

    [Fact]
    public void Without_privileges_the_pane_says_what_is_missing_and_how_to_grant_it()
    {
        const string reason = "not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep <binary>` (missing CAP_BPF and CAP_PERFMON; creating map config (Array): EPERM)";
        using var vm = new SyscallsViewModel(Observable.Never<Sample>(), Observable.Return<ProcessKey?>(null), Observable.Return(true), () => (null, reason));
        SyscallsState state = vm.State.CurrentValue;
        Assert.Equal(reason, state.Message);
        Assert.StartsWith("grant them with: sudo setcap cap_bpf,cap_perfmon+ep ", state.Hint);
    }

    [Fact]
    public void Disposing_closes_the_tracer()
    {
        var tracer = new FakeTracer();
        tracer.Snapshots.Enqueue(At(0));
        var vm = new SyscallsViewModel(Observable.Never<Sample>(), Observable.Return<ProcessKey?>(null), Observable.Return(true), () => (tracer, ""));
        vm.Dispose();
        Assert.True(tracer.Disposed);
    }

    [Theory]
    [InlineData(null, "-")]
    [InlineData(850.0, "850ns")]
    [InlineData(12_345.0, "12.3µs")]
    [InlineData(4_500_000.0, "4.5ms")]
    [InlineData(1_200_000_000.0, "1.20s")]
    public void Durations_read_in_the_unit_that_fits(double? ns, string text) => Assert.Equal(text, SyscallsViewModel.Duration(ns));
}
