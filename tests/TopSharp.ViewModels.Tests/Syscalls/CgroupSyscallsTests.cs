using Microsoft.Extensions.Time.Testing;
using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Syscalls;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Syscalls;

/// <summary>The syscall pane scoped to a cgroup: who counts as a member, and the pane following the table's filter, in virtual time.</summary>
public class CgroupSyscallsTests
{
    private const int Getppid = 110, Read = 0;
    private static readonly CgroupKey Job2 = new("unified", "/batch/job2");

    private static ProcessSample In(int pid, string path, string comm = "proc") =>
        Proc(pid, comm: comm) with { Cgroup = new PidCgroup([new CgroupMembership(0, "", path)]) };

    [Fact]
    public void Members_are_the_group_and_its_descendants_judged_by_the_newest_sample_that_read_them()
    {
        IReadOnlyList<ProcessSample> before =
        [
            In(10, "/batch/job2"), In(11, "/batch/job2/worker"), In(12, "/batch/job2"), In(13, "/batch/job1"),
            In(14, "/batch/job2"),
        ];
        IReadOnlyList<ProcessSample> now =
        [
            In(10, "/batch/job2"), In(11, "/batch/job2/worker"), In(13, "/batch/job1"), In(15, "/batch/job20"),
            In(14, "/batch/job1"),                 // moved out during the interval: where it is now counts
            Proc(16),                               // its cgroup file could not be read
        ];
        var scope = new CgroupSyscallScope(Job2, now, before);

        Assert.Equal(2, scope.Processes);
        Assert.Equal(Membership.Member, scope.Of(10));
        Assert.Equal(Membership.Member, scope.Of(11));      // a descendant
        Assert.Equal(Membership.Member, scope.Of(12));      // exited: last seen in the group
        Assert.Equal(Membership.Outside, scope.Of(13));
        Assert.Equal(Membership.Outside, scope.Of(14));
        Assert.Equal(Membership.Outside, scope.Of(15));     // a sibling whose name starts the same
        Assert.Equal(Membership.Unknown, scope.Of(16));
        Assert.Equal(Membership.Unknown, scope.Of(99));     // came and went between the samples
        Assert.Equal(1, scope.Exited([10, 11, 12]));
    }

    [Fact]
    public void A_v1_hierarchy_matches_on_its_own_line()
    {
        ProcessSample p = Proc(10) with
        {
            Cgroup = new PidCgroup([new CgroupMembership(4, "cpu,cpuacct", "/db"), new CgroupMembership(0, "", "/")]),
        };
        var cpu = new CgroupKey("cpu,cpuacct", "/db");

        Assert.Equal(Membership.Member, new CgroupSyscallScope(cpu, [p], []).Of(10));
        Assert.Equal(Membership.Outside, new CgroupSyscallScope(new CgroupKey("unified", "/db"), [p], []).Of(10));
        Assert.Equal("cpu,cpuacct:/db", CgroupSyscallScope.Name(cpu));
        Assert.DoesNotContain('\u001b', CgroupSyscallScope.Name(new CgroupKey("unified", "/a\u001b[31m")));   // a path is untrusted
    }

    [Fact]
    public void The_pane_follows_the_tables_cgroup_filter_and_c_switches_to_the_whole_machine()
    {
        var time = new FakeTimeProvider();
        var tracer = new ClockedSyscallTracer(time);
        var samples = new Subject<Sample>();
        var filter = new ReactiveProperty<CgroupKey?>(null);
        using var vm = new SyscallsViewModel(samples, Observable.Return<ProcessKey?>(null), Observable.Return(true), () => (tracer, ""), filter);
        ProcessSample[] t0 = [In(10, "/batch/job2"), In(11, "/batch/job2/w"), In(12, "/batch/job2"), In(20, "/batch/job1")];
        ProcessSample[] t1 = [In(10, "/batch/job2"), In(11, "/batch/job2/w"), In(20, "/batch/job1")];   // 12 exited

        tracer.Count(10, Getppid, 400);
        tracer.Count(11, Read, 100, errors: 20);
        tracer.Count(12, Getppid, 200);
        tracer.Count(20, Getppid, 10_000);
        tracer.Count(30, Read, 60);                      // never sampled: its cgroup is unknown
        time.Advance(TimeSpan.FromSeconds(2));
        samples.OnNext(new Sample(Snap(2, t1), Snap(0, t0), null));

        SyscallsState state = vm.State.CurrentValue;
        Assert.Equal(("System-wide", null, false), (state.SystemTitle, state.Cgroup, state.Scoped));
        Assert.Equal("5.3k", state.System[0].CallsPerSec);

        filter.Value = Job2;                              // Enter in the cgroup pane: followed at once, same interval
        state = vm.State.CurrentValue;
        Assert.Equal("Cgroup /batch/job2: 2 processes, 3 made syscalls (1 since exited)", state.SystemTitle);
        Assert.Equal((true, "/batch/job2"), (state.Scoped, state.Cgroup));
        Assert.Equal([("getppid", "300", "0"), ("read", "50", "10")], state.System.Select(r => (r.Name, r.CallsPerSec, r.ErrorsPerSec)));
        Assert.Equal("not counted: 1 process whose cgroup was never read (came and went between two samples), 30 calls/s", state.ScopeNote);

        vm.ToggleScope();
        state = vm.State.CurrentValue;
        Assert.Equal(("System-wide", "/batch/job2", false, null), (state.SystemTitle, state.Cgroup, state.Scoped, state.ScopeNote));
        Assert.Equal("5.3k", state.System[0].CallsPerSec);

        vm.ToggleScope();
        Assert.True(vm.State.CurrentValue.Scoped);

        filter.Value = null;                              // the table's filter cleared: the whole machine again, c does nothing
        vm.ToggleScope();
        Assert.Equal(("System-wide", null, false), (vm.State.CurrentValue.SystemTitle, vm.State.CurrentValue.Cgroup, vm.State.CurrentValue.Scoped));
    }

    [Fact]
    public void A_new_interval_keeps_the_scope_and_rates_only_that_interval()
    {
        var time = new FakeTimeProvider();
        var tracer = new ClockedSyscallTracer(time);
        var samples = new Subject<Sample>();
        using var vm = new SyscallsViewModel(samples, Observable.Return<ProcessKey?>(null), Observable.Return(true), () => (tracer, ""),
            Observable.Return<CgroupKey?>(Job2));
        ProcessSample[] procs = [In(10, "/batch/job2"), In(20, "/")];

        tracer.Count(10, Getppid, 100);
        time.Advance(TimeSpan.FromSeconds(1));
        samples.OnNext(new Sample(Snap(1, procs), Snap(0, procs), null));
        tracer.Count(10, Getppid, 50);
        tracer.Count(20, Getppid, 5_000);
        time.Advance(TimeSpan.FromSeconds(1));
        samples.OnNext(new Sample(Snap(2, procs), Snap(1, procs), null));

        SyscallsState state = vm.State.CurrentValue;
        Assert.Equal("Cgroup /batch/job2: 1 process, 1 made syscalls", state.SystemTitle);
        Assert.Equal("50", state.System.Single().CallsPerSec);
        Assert.Null(state.ScopeNote);
    }
}
