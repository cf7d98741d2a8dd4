using TopSharp.Core.Processes;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

public sealed class ProcessTableTreeTests : IDisposable
{
    private readonly TableHarness _t = new(ProcessTableSettings.Default with { SortColumn = ColumnId.Pid, SortDescending = false, Tree = true });

    private void PushTree() => _t.Push(
        Proc(1, ppid: 0, comm: "init", cmdline: "init"),
        Proc(10, ppid: 1, comm: "sshd", cmdline: "sshd"),
        Proc(11, ppid: 10, comm: "bash", cmdline: "bash"),
        Proc(12, ppid: 11, comm: "vim", cmdline: "vim"),
        Proc(13, ppid: 10, comm: "bash", cmdline: "bash2"),
        Proc(20, ppid: 1, comm: "cron", cmdline: "cron"));

    private string[] Commands => [.. _t.State.Rows.Select(r => r.Cells[^1])];

    [Fact]
    public void Tree_orders_by_parent_and_draws_htop_prefixes()
    {
        PushTree();
        Assert.Equal(
        [
            "init",
            "├─ sshd",
            "│  ├─ bash",
            "│  │  └─ vim",
            "│  └─ bash2",
            "└─ cron",
        ], Commands);
        Assert.Equal([0, 1, 2, 3, 2, 1], _t.State.Rows.Select(r => r.Depth));
        Assert.True(_t.Row(10).Is(RowFlags.HasChildren));
    }

    [Fact]
    public void Collapsing_hides_the_subtree_and_marks_the_row()
    {
        PushTree();
        _t.Vm.SelectKey(new ProcessKey(10, 1000));
        _t.Vm.ToggleCollapse();
        Assert.Equal(["init", "├+ sshd", "└─ cron"], Commands);
        Assert.True(_t.Row(10).Is(RowFlags.Collapsed));
        PushTree();
        Assert.Equal(3, _t.State.Rows.Count);
        _t.Vm.ToggleCollapse();
        Assert.Equal(6, _t.State.Rows.Count);
    }

    [Fact]
    public void Siblings_follow_the_sort_column()
    {
        PushTree();
        _t.Vm.SortBy(ColumnId.Pid);   // now descending
        Assert.Equal(["init", "├─ cron", "└─ sshd", "   ├─ bash2", "   └─ bash", "      └─ vim"], Commands);
    }

    [Fact]
    public void Threads_appear_under_their_process_when_toggled()
    {
        ProcessSample app = Proc(50, ppid: 1, comm: "app", cmdline: "app", numThreads: 3);
        app = app with { Threads = [Thread(app, 50, "app"), Thread(app, 51, "worker"), Thread(app, 52, "io")] };
        _t.Push(Proc(1, ppid: 0, comm: "init", cmdline: "init"), app);
        Assert.Equal(2, _t.State.Rows.Count);

        _t.Vm.ToggleThreads();
        Assert.True((_t.Vm.RequiredFiles.CurrentValue & ProcessFiles.Threads) != 0);
        Assert.Equal(["init", "└─ app", "   ├─ worker", "   └─ io"], Commands);
        Assert.Equal([51, 52], _t.State.Rows.Where(r => r.Is(RowFlags.Thread)).Select(r => r.Pid));
        Assert.DoesNotContain(_t.State.Rows, r => r.Is(RowFlags.New));

        _t.Vm.ToggleTree();
        Assert.Equal([1, 50, 51, 52], _t.Pids);
        _t.Vm.ToggleThreads();
        Assert.Equal([1, 50], _t.Pids);
    }

    [Fact]
    public void Thread_rows_get_their_own_cpu_share()
    {
        ProcessSample App(ulong workerTicks)
        {
            ProcessSample app = Proc(50, ppid: 1, comm: "app", cmdline: "app", numThreads: 2, ticks: workerTicks);
            return app with { Threads = [Thread(app, 50, "app"), Thread(app, 51, "worker", workerTicks)] };
        }
        _t.Vm.ToggleThreads();
        _t.Push(Proc(1, ppid: 0, comm: "init", cmdline: "init"), App(100));
        _t.Push(Proc(1, ppid: 0, comm: "init", cmdline: "init"), App(130));
        Assert.Equal("30.0", _t.Cell(51, ColumnId.CpuPercent));
        Assert.True(_t.Row(51).Is(RowFlags.Thread));
    }

    public void Dispose() => _t.Dispose();
}
