using TopSharp.Core.Processes;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

public sealed class ProcessTableSelectionTests : IDisposable
{
    private readonly TableHarness _t = new();

    [Fact]
    public void Selection_stays_on_the_same_process_across_refresh_resort_and_filter()
    {
        _t.Push(Proc(1, comm: "init"), Proc(2, comm: "a"), Proc(3, comm: "b"));
        _t.Push(Proc(1, comm: "init"), Proc(2, comm: "a", ticks: 10), Proc(3, comm: "b", ticks: 50));
        Assert.Equal([3, 2, 1], _t.Pids);
        _t.Vm.Select(1);
        Assert.Equal(2, _t.SelectedPid);

        _t.Push(Proc(1, comm: "init"), Proc(2, comm: "a", ticks: 100), Proc(3, comm: "b", ticks: 51));   // a now busiest
        Assert.Equal([2, 3, 1], _t.Pids);
        Assert.Equal(2, _t.SelectedPid);
        Assert.Equal(0, _t.State.SelectedIndex);
        Assert.True(_t.State.Rows[0].Is(RowFlags.Selected));
        Assert.Single(_t.State.Rows, r => r.Is(RowFlags.Selected));

        _t.Vm.SortBy(ColumnId.Pid);
        Assert.Equal(2, _t.SelectedPid);
        _t.Vm.SetFilter("a");
        Assert.Equal(2, _t.SelectedPid);
        Assert.Equal(new ProcessKey(2, 1000), _t.State.Selected);
    }

    [Fact]
    public void When_the_selected_process_is_gone_the_row_at_its_place_is_selected()
    {
        _t.Push(Proc(1), Proc(2), Proc(3));
        _t.Vm.SortBy(ColumnId.Pid);
        _t.Vm.Select(1);
        _t.Push(Proc(1), Proc(3));                  // 2 exits: a tomb, still selected
        Assert.Equal(2, _t.SelectedPid);
        Assert.True(_t.State.SelectedRow!.Is(RowFlags.Dead));
        _t.Push(Proc(1), Proc(3));
        _t.Push(Proc(1), Proc(3));                  // the tomb is gone after 2 s
        Assert.Equal([1, 3], _t.Pids);
        Assert.Equal(3, _t.SelectedPid);
    }

    [Fact]
    public void Moving_the_selection_changes_two_rows_and_shares_the_rest()
    {
        _t.Push(Proc(1), Proc(2), Proc(3), Proc(4));
        _t.Vm.SortBy(ColumnId.Pid);
        IReadOnlyList<ProcessRow> before = _t.State.Rows;
        _t.Vm.MoveSelection(1);
        IReadOnlyList<ProcessRow> after = _t.State.Rows;
        Assert.Equal(2, _t.SelectedPid);
        Assert.Same(before[2], after[2]);
        Assert.Same(before[3], after[3]);
        _t.Vm.MoveSelection(int.MaxValue);
        Assert.Equal(4, _t.SelectedPid);
        _t.Vm.MoveSelection(-100);
        Assert.Equal(1, _t.SelectedPid);
    }

    [Fact]
    public void New_processes_are_flagged_and_exited_ones_stay_as_tombs_for_two_seconds()
    {
        _t.Push(Proc(1), Proc(2));
        Assert.DoesNotContain(_t.State.Rows, r => r.Is(RowFlags.New));   // the first sample marks nothing
        _t.Push(Proc(1), Proc(3));
        Assert.True(_t.Row(3).Is(RowFlags.New));
        ProcessRow tomb = Assert.Single(_t.State.Rows, r => r.Is(RowFlags.Dead));
        Assert.Equal(2, tomb.Pid);
        _t.Push(Proc(1), Proc(3));
        Assert.True(_t.Row(3).Is(RowFlags.New));
        Assert.Contains(_t.State.Rows, r => r.Is(RowFlags.Dead));
        _t.Push(Proc(1), Proc(3));
        Assert.False(_t.Row(3).Is(RowFlags.New));
        Assert.DoesNotContain(_t.State.Rows, r => r.Is(RowFlags.Dead));
    }

    [Fact]
    public void A_captured_pair_shows_what_started_and_exited_between_t0_and_t1()
    {
        using var samples = new R3.Subject<TopSharp.ViewModels.Sampling.Sample>();
        using var vm = new ProcessTableViewModel(samples, _t.Time, _t.Control, ProcessTableSettings.Default);
        var t0 = Snap(10, Proc(1), Proc(2));
        var t1 = Snap(12, Proc(1), Proc(3));
        samples.OnNext(new TopSharp.ViewModels.Sampling.Sample(t1, t0, Core.Sampling.Rates.SnapshotRates.Between(t0, t1)));
        IReadOnlyList<ProcessRow> rows = vm.State.CurrentValue.Rows;
        Assert.Equal(RowFlags.None, rows.Single(r => r.Pid == 1).Flags & (RowFlags.New | RowFlags.Dead));
        Assert.True(rows.Single(r => r.Pid == 3).Is(RowFlags.New));
        Assert.True(rows.Single(r => r.Pid == 2).Is(RowFlags.Dead));
    }

    [Fact]
    public void A_reused_pid_inherits_neither_tag_nor_selection()
    {
        _t.Push(Proc(1), Proc(100, comm: "old", starttime: 5000));
        _t.Vm.SortBy(ColumnId.Pid);
        _t.Vm.Select(1);
        _t.Vm.ToggleTag();
        Assert.Equal([new ProcessKey(100, 5000)], _t.Vm.Tagged);

        _t.Push(Proc(1), Proc(100, comm: "new", starttime: 9000));
        ProcessRow reused = _t.Row(100);
        Assert.Equal(9000UL, reused.Key.Starttime);
        Assert.True(reused.Is(RowFlags.New));
        Assert.False(reused.Is(RowFlags.Tagged));
        Assert.False(reused.Is(RowFlags.Selected));
        ProcessRow tomb = Assert.Single(_t.State.Rows, r => r.Is(RowFlags.Dead));
        Assert.True(tomb.Is(RowFlags.Tagged));
        Assert.True(tomb.Is(RowFlags.Selected));

        _t.Vm.Kill(Signal.Term);
        Assert.Empty(_t.Control.Kills);            // the tagged one exited; the new pid 100 is not hit
        _t.Push(Proc(1), Proc(100, comm: "new", starttime: 9000));
        _t.Push(Proc(1), Proc(100, comm: "new", starttime: 9000));
        Assert.Empty(_t.Vm.Tagged);
        Assert.False(_t.Row(100).Is(RowFlags.Tagged));
    }

    [Fact]
    public void Follow_keeps_the_followed_process_selected_until_it_exits()
    {
        _t.Push(Proc(1), Proc(2), Proc(3));
        _t.Vm.SortBy(ColumnId.Pid);
        _t.Vm.Select(2);
        _t.Vm.ToggleFollow();
        Assert.True(_t.State.Following);
        Assert.True(_t.Row(3).Is(RowFlags.Followed));
        _t.Vm.InvertSort();
        Assert.Equal(0, _t.State.SelectedIndex);
        Assert.Equal(3, _t.SelectedPid);

        _t.Push(Proc(1), Proc(2));
        Assert.False(_t.State.Following);
        Assert.Contains("followed process 3 exited", _t.Messages);
    }

    [Fact]
    public void Moving_the_selection_by_hand_ends_follow()
    {
        _t.Push(Proc(1), Proc(2));
        _t.Vm.ToggleFollow();
        _t.Vm.MoveSelection(1);
        Assert.False(_t.State.Following);
    }

    public void Dispose() => _t.Dispose();
}
