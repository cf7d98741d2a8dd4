using R3;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Core.Cgroups;
using TopSharp.Ui.Syscalls;
using TopSharp.ViewModels.Syscalls;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.Tests.Ui.Syscalls;

/// <summary>
/// The syscall pane on the headless driver, fed by the dashboard over the numa4-cgroup2 captures (job2 holds PIDs 160
/// and 165, job1 159) and a tracer without the kernel: Enter on job2 scopes the upper table, <c>c</c> switches it back.
/// </summary>
public class SyscallsPaneCgroupTests
{
    private const int Getppid = 110, Read = 0;

    [Fact]
    public void Enter_on_a_cgroup_scopes_the_upper_table_and_c_switches_to_the_whole_machine()
    {
        using var d = new FixtureDashboard();
        var tracer = new ClockedSyscallTracer(d.Time);
        using var h = new Harness(100, 30);
        using var pane = new SyscallsPaneView(new SyscallsViewModel(d.Vm.Sampler.Samples, Observable.Return<Core.Processes.ProcessKey?>(null),
            Observable.Return(true), () => (tracer, ""), d.Vm.Processes.State.Select(_ => d.Vm.Processes.CgroupFilter)), null);
        var top = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(pane);
        h.Show(top);
        pane.SetFocus();

        tracer.Count(160, Getppid, 300);
        tracer.Count(165, Read, 100, errors: 100);
        tracer.Count(159, Getppid, 5_000);
        d.Time.Advance(TimeSpan.FromSeconds(1));
        d.Vm.ShowProcessesIn(new CgroupKey("unified", "/batch/job2"));   // the table's filter: the frozen loop re-reads with cgroup files

        string[] lines = h.Lines();
        Assert.StartsWith("Cgroup /batch/job2: 2 processes, 2 made syscalls, busiest first    latency off", lines[0]);
        Assert.Equal("c: the whole machine", lines[1]);
        Assert.Equal("  getppid                  300         0        -        -", lines[3]);
        Assert.Equal("  read                     100       100        -        -", lines[4]);
        Assert.DoesNotContain(lines, l => l.Contains("5.3k", StringComparison.Ordinal));

        h.App.InjectKey(Key.C);
        lines = h.Lines();
        Assert.StartsWith("System-wide, busiest first", lines[0]);
        Assert.Equal("c: only cgroup /batch/job2 (the process table's filter)", lines[1]);
        Assert.Equal("  getppid                 5.3k         0        -        -", lines[3]);
        top.Dispose();
    }
}
