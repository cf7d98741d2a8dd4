using TopSharp.Core.Processes;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

public sealed class ProcessTableActionTests : IDisposable
{
    private readonly TableHarness _t = new();

    public ProcessTableActionTests()
    {
        _t.Push(Proc(1), Proc(2), Proc(3, nice: 5), Proc(4));
        _t.Vm.SortBy(ColumnId.Pid);
    }

    [Fact]
    public void Space_tags_and_moves_down()
    {
        _t.Vm.ToggleTag();
        Assert.Equal(2, _t.SelectedPid);
        Assert.True(_t.Row(1).Is(RowFlags.Tagged));
        Assert.Equal(1, _t.State.TaggedCount);
        _t.Vm.MoveSelection(-1);
        _t.Vm.ToggleTag();
        Assert.False(_t.Row(1).Is(RowFlags.Tagged));
    }

    [Fact]
    public void Kill_goes_to_every_tagged_process()
    {
        _t.Vm.Select(1);
        _t.Vm.ToggleTag();       // 2
        _t.Vm.ToggleTag();       // 3
        _t.Vm.MoveSelection(1);  // selection on 4, not tagged
        IReadOnlyList<ProcessControlResult> results = _t.Vm.Kill(Signal.Kill);

        Assert.Equal([(2, 9), (3, 9)], _t.Control.Kills);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal("sent SIGKILL to 2 processes", _t.Messages[^1]);
    }

    [Fact]
    public void Kill_without_tags_goes_to_the_selected_process_and_reports_errno()
    {
        _t.Control.Denied.Add(4);
        _t.Vm.Select(3);
        ProcessControlResult result = Assert.Single(_t.Vm.Kill(Signal.Term));

        Assert.Equal([(4, 15)], _t.Control.Kills);
        Assert.False(result.Succeeded);
        Assert.Equal("kill 4: Operation not permitted (EPERM)", _t.Messages[^1]);
    }

    [Fact]
    public void Renice_changes_nice_by_one_from_the_current_value()
    {
        _t.Vm.Select(2);
        _t.Vm.Renice(+1);
        _t.Vm.Renice(-1);
        Assert.Equal([(3, 6), (3, 4)], _t.Control.Renices);
    }

    [Fact]
    public void Untag_all_clears_the_tags()
    {
        _t.Vm.ToggleTag();
        _t.Vm.ToggleTag();
        _t.Vm.UntagAll();
        Assert.Empty(_t.Vm.Tagged);
        Assert.DoesNotContain(_t.State.Rows, r => r.Is(RowFlags.Tagged));
    }

    public void Dispose() => _t.Dispose();
}
