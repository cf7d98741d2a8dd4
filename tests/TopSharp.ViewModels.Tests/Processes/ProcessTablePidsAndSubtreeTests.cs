using TopSharp.Core.Processes;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

/// <summary><c>-p PID[,PID…]</c> (only those processes, as htop -p) and <c>c</c> (tag a process and its descendants, htop's key).</summary>
public sealed class ProcessTablePidsAndSubtreeTests : IDisposable
{
    private readonly TableHarness _t = new(ProcessTableSettings.Default with { SortColumn = ColumnId.Pid, SortDescending = false, ShowThreads = true });

    /// <summary>1 → 10 → {11 → 12, 13}; 1 → 20; 10 has a second thread, 14.</summary>
    private void PushTree()
    {
        ProcessSample p10 = Proc(10, comm: "parent");
        p10 = p10 with { Threads = [Thread(p10, 10, "parent"), Thread(p10, 14, "worker")] };
        _t.Push(Proc(1, ppid: 0, comm: "init"), p10, Proc(11, ppid: 10), Proc(12, ppid: 11), Proc(13, ppid: 10), Proc(20, comm: "other"));
    }

    [Fact]
    public void A_pid_filter_shows_those_processes_and_their_threads_across_refreshes()
    {
        PushTree();
        _t.Vm.SetPidFilter([20, 10, 20]);

        Assert.Equal([10, 14, 20], _t.Pids);
        Assert.Equal([10, 20], _t.State.PidFilter);
        PushTree();
        Assert.Equal([10, 14, 20], _t.Pids);

        _t.Vm.SetFilter("other");   // the text filter narrows further
        Assert.Equal([20], _t.Pids);
        _t.Vm.SetFilter("");
        _t.Vm.SetPidFilter([999]);   // no such process: an empty table, not every process
        Assert.Empty(_t.Pids);
        _t.Vm.SetPidFilter([]);
        Assert.Equal([1, 10, 11, 12, 13, 14, 20], _t.Pids);   // flat, by PID: the thread 14 among them
        Assert.Empty(_t.State.PidFilter);
    }

    [Fact]
    public void C_tags_the_selected_process_and_all_its_descendants_threads_included()
    {
        PushTree();
        _t.Vm.SelectKey(_t.Row(10).Key);

        _t.Vm.TagWithDescendants();

        Assert.Equal([10, 11, 12, 13, 14], _t.Vm.Tagged.Select(k => k.Pid).Order());
        Assert.Equal([10, 11, 12, 13, 14], _t.State.Rows.Where(r => r.Is(RowFlags.Tagged)).Select(r => r.Pid));
        Assert.Equal(5, _t.State.TaggedCount);
        Assert.Equal(10, _t.SelectedPid);   // the selection stays
    }

    [Fact]
    public void C_on_a_tagged_process_keeps_the_tags_and_adds_its_subtree()
    {
        PushTree();
        _t.Vm.SelectKey(_t.Row(11).Key);
        _t.Vm.ToggleTag();   // tags 11 and moves down to 12
        _t.Vm.SelectKey(_t.Row(11).Key);

        _t.Vm.TagWithDescendants();
        _t.Vm.TagWithDescendants();   // again: nothing is untagged

        Assert.Equal([11, 12], _t.Vm.Tagged.Select(k => k.Pid).Order());
    }

    [Fact]
    public void C_on_a_leaf_tags_only_it_and_without_a_selection_does_nothing()
    {
        _t.Vm.TagWithDescendants();
        Assert.Empty(_t.Vm.Tagged);

        PushTree();
        _t.Vm.SelectKey(_t.Row(20).Key);
        _t.Vm.TagWithDescendants();
        Assert.Equal([20], _t.Vm.Tagged.Select(k => k.Pid));
    }

    public void Dispose() => _t.Dispose();
}
