using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Syscalls;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

/// <summary>SYSC/s and SYSERR/s over a tracer without the kernel, on virtual time: rates per PID, "-" without a figure, attached only while needed.</summary>
public class SyscallColumnsTests
{
    private static readonly ProcessTableSettings WithSyscalls =
        new([ColumnId.Pid, ColumnId.SyscallRate, ColumnId.SyscallErrorRate, ColumnId.Command]);

    private const int Getppid = 110, Openat = 257;

    [Fact]
    public void Each_process_shows_its_own_rates_and_zero_when_it_made_no_syscall()
    {
        ClockedSyscallTracer? tracer = null;
        using var t = new TableHarness(WithSyscalls, time => () => (tracer = new ClockedSyscallTracer(time), ""));
        tracer!.Count(42, Getppid, 300);
        tracer.Count(42, Openat, 100, errors: 40);
        tracer.Count(9999, Getppid, 5000); // not in the table
        t.Time.Advance(TimeSpan.FromSeconds(1)); // Push advances one more: a 2 s interval
        t.Push(Proc(42, comm: "worker"), Proc(7, comm: "idle"));

        Assert.Equal(("200", "20"), (t.Cell(42, ColumnId.SyscallRate), t.Cell(42, ColumnId.SyscallErrorRate)));
        Assert.Equal(("0", "0"), (t.Cell(7, ColumnId.SyscallRate), t.Cell(7, ColumnId.SyscallErrorRate)));

        t.Push(Proc(42, comm: "worker"), Proc(7, comm: "idle")); // a quiet second: the interval's rates, not the totals
        Assert.Equal(("0", "0"), (t.Cell(42, ColumnId.SyscallRate), t.Cell(42, ColumnId.SyscallErrorRate)));

        t.Vm.SortBy(ColumnId.SyscallRate);
        tracer.Count(7, Getppid, 50);
        t.Push(Proc(42, comm: "worker"), Proc(7, comm: "idle"));
        Assert.Equal([7, 42], t.Pids);
    }

    [Fact]
    public void Without_a_tracer_the_cells_are_dashes()
    {
        using var none = new TableHarness(WithSyscalls);
        using var unprivileged = new TableHarness(WithSyscalls, _ => () => (null, "not privileged: needs CAP_BPF and CAP_PERFMON"));
        foreach (TableHarness t in new[] { none, unprivileged })
        {
            t.Push(Proc(42));
            t.Push(Proc(42));
            Assert.Equal(("-", "-"), (t.Cell(42, ColumnId.SyscallRate), t.Cell(42, ColumnId.SyscallErrorRate)));
        }
    }

    [Fact]
    public void The_tracer_is_attached_only_while_a_syscall_column_is_shown()
    {
        ClockedSyscallTracer? tracer = null;
        int opens = 0;
        using var t = new TableHarness(syscalls: time => () => { opens++; return (tracer = new ClockedSyscallTracer(time), ""); });
        t.Push(Proc(42));
        Assert.Equal(0, opens); // default columns: not even loaded

        t.Vm.ToggleColumn(ColumnId.SyscallErrorRate);
        Assert.Equal((1, true), (tracer!.Attaches, tracer.IsAttached));
        tracer.Count(42, Openat, 3, errors: 3);
        t.Push(Proc(42));
        Assert.Equal("3", t.Cell(42, ColumnId.SyscallErrorRate));

        t.Vm.ToggleColumn(ColumnId.SyscallErrorRate);
        Assert.Equal((1, false), (tracer.Detaches, tracer.IsAttached));
        int drained = tracer.Samples;
        t.Push(Proc(42));
        Assert.Equal(drained, tracer.Samples); // hidden: no draining

        t.Vm.ToggleColumn(ColumnId.SyscallRate);
        Assert.Equal((1, 2), (opens, tracer.Attaches));
        tracer.Count(42, Openat, 7);
        t.Push(Proc(42));
        Assert.Equal("7", t.Cell(42, ColumnId.SyscallRate));

        t.Vm.SetColumns([ColumnId.Pid, ColumnId.Command]);
        t.Vm.SetColumns([ColumnId.Pid, ColumnId.SyscallRate, ColumnId.Command]);
        Assert.Equal("-", t.Cell(42, ColumnId.SyscallRate)); // shown again: no stale figure before the next interval
    }

    [Fact]
    public void The_pane_and_the_columns_share_one_attachment()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var kernel = new ClockedSyscallTracer(time);
        int opens = 0;
        using var shared = new SharedSyscallTracer(() => { opens++; return (kernel, ""); });
        var paneVisible = new ReactiveProperty<bool>(false);
        using var pane = new SyscallsViewModel(new Subject<Sample>(), Observable.Return<ProcessKey?>(null), paneVisible, shared.Lease);
        using var t = new TableHarness(syscalls: _ => shared.Lease);

        t.Vm.ToggleColumn(ColumnId.SyscallRate);
        paneVisible.Value = true;
        Assert.Equal((1, 1, true), (opens, kernel.Attaches, kernel.IsAttached));

        t.Vm.ToggleColumn(ColumnId.SyscallRate);
        Assert.True(kernel.IsAttached); // the pane still needs it
        paneVisible.Value = false;
        Assert.Equal((1, false), (kernel.Detaches, kernel.IsAttached));

        paneVisible.Value = true;
        t.Vm.ToggleColumn(ColumnId.SyscallRate);
        pane.Dispose();
        Assert.True(kernel.IsAttached); // the columns still need it
        t.Vm.ToggleColumn(ColumnId.SyscallRate);
        Assert.Equal((2, 2, false), (kernel.Attaches, kernel.Detaches, kernel.IsAttached));
    }
}
