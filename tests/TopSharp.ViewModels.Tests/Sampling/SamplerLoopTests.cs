using Microsoft.Extensions.Time.Testing;
using R3;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests.Sampling;

public sealed class SamplerLoopTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<ProcessFiles> _asked = [];
    private readonly List<Sample> _published = [];

    /// <summary>A source whose snapshots carry the virtual time, so intervals can be checked.</summary>
    private SystemSnapshot Source(SampleRequest request)
    {
        _asked.Add(request.Files);
        return Snapshots.Snap((_time.GetUtcNow() - _time.Start).TotalSeconds, Snapshots.Proc(1, ticks: (ulong)_asked.Count * 10));
    }

    /// <summary>
    /// FakeTimeProvider.Advance moves the clock to the end first and then fires what fell due, so
    /// a source reading the clock needs one step per tick.
    /// </summary>
    private void Step(int seconds)
    {
        for (int i = 0; i < seconds; i++) _time.Advance(TimeSpan.FromSeconds(1));
    }

    private SamplerLoop Live(double delaySeconds)
    {
        SamplerLoop loop = SamplerLoop.Live(Source, SnapshotRates.Between, _time, TimeSpan.FromSeconds(delaySeconds));
        loop.Samples.Subscribe(_published.Add);
        return loop;
    }

    [Fact]
    public void Three_seconds_at_a_one_second_delay_give_three_samples_after_the_first()
    {
        using SamplerLoop loop = Live(1);
        loop.Start();
        Assert.Single(_published);
        Assert.Null(_published[0].Rates);

        Step(3);

        Assert.Equal(4, _published.Count);
        Assert.All(_published.Skip(1), s => Assert.Equal(TimeSpan.FromSeconds(1), s.Rates!.Interval));
        Assert.Same(_published[2].Snapshot, _published[3].Previous);
        // 10 ticks per second of one process at USER_HZ 100: 10% of one CPU.
        Assert.Equal(10, _published[3].Rates!.Processes[new ProcessKey(1, 1000)].CpuPct, 6);
    }

    [Fact]
    public void A_changed_delay_takes_effect_at_once()
    {
        using SamplerLoop loop = Live(1);
        loop.Start();
        Step(2);
        Assert.Equal(3, _published.Count);

        loop.SetDelay(TimeSpan.FromSeconds(5));
        Step(4);
        Assert.Equal(3, _published.Count);
        Step(1);
        Assert.Equal(4, _published.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), _published[3].Rates!.Interval);
    }

    [Fact]
    public void Plus_and_minus_step_through_the_ladder_and_stop_at_the_ends()
    {
        using SamplerLoop loop = Live(1.5);
        loop.Faster();
        Assert.Equal(TimeSpan.FromSeconds(1), loop.Delay.CurrentValue);
        for (int i = 0; i < 10; i++) loop.Faster();
        Assert.Equal(SamplingDelay.Min, loop.Delay.CurrentValue);
        for (int i = 0; i < 20; i++) loop.Slower();
        Assert.Equal(SamplingDelay.Max, loop.Delay.CurrentValue);
        loop.SetDelay(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromSeconds(0.2), loop.Delay.CurrentValue);
    }

    [Fact]
    public void The_files_asked_for_follow_SetFiles()
    {
        using SamplerLoop loop = Live(1);
        loop.Start();
        loop.SetFiles(ProcessFiles.SchedStat | ProcessFiles.Cgroup);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([ProcessFiles.None, ProcessFiles.SchedStat | ProcessFiles.Cgroup], _asked);
    }

    [Fact]
    public void A_source_that_throws_costs_one_tick_and_a_message()
    {
        int calls = 0;
        var errors = new List<string>();
        using SamplerLoop loop = SamplerLoop.Live(
            request => ++calls == 2 ? throw new IOException("proc is gone") : Source(request), SnapshotRates.Between, _time, TimeSpan.FromSeconds(1));
        loop.Samples.Subscribe(_published.Add);
        loop.Errors.Subscribe(errors.Add);
        loop.Start();
        Step(3);

        Assert.Equal(["sampling failed: proc is gone"], errors);
        Assert.Equal(3, _published.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), _published[1].Rates!.Interval);
    }

    [Fact]
    public void A_frozen_loop_publishes_one_pair_and_never_ticks()
    {
        SystemSnapshot t0 = Snapshots.Snap(10, Snapshots.Proc(1, ticks: 100));
        var reads = new List<ProcessFiles>();
        SystemSnapshot T1(SampleRequest request)
        {
            reads.Add(request.Files);
            return Snapshots.Snap(12, Snapshots.Proc(1, ticks: 150));
        }
        using SamplerLoop loop = SamplerLoop.Frozen(_ => t0, T1, SnapshotRates.Between, _time);
        loop.Samples.Subscribe(_published.Add);
        loop.Start();
        _time.Advance(TimeSpan.FromMinutes(5));
        loop.Faster();

        Sample only = Assert.Single(_published);
        Assert.True(loop.IsFrozen);
        Assert.Same(t0, only.Previous);
        Assert.Equal(25, only.Rates!.Processes[new ProcessKey(1, 1000)].CpuPct, 6);
        Assert.Equal(SamplingDelay.Default, loop.Delay.CurrentValue);

        loop.SetFiles(ProcessFiles.Io);
        Assert.Equal(2, _published.Count);
        Assert.Equal([ProcessFiles.None, ProcessFiles.Io], reads);
    }

    [Fact]
    public void After_dispose_the_timer_stops()
    {
        SamplerLoop loop = Live(1);
        loop.Start();
        loop.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(_published);
    }
}
