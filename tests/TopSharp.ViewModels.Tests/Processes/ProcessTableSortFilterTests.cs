using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Processes;

public sealed class ProcessTableSortFilterTests : IDisposable
{
    private readonly TableHarness _t = new();

    /// <summary>Second sample: bash used 50 ticks (50%), nginx 5 (5%), sshd none.</summary>
    private void TwoSamples()
    {
        _t.Push(Proc(10, comm: "sshd", ticks: 100), Proc(20, comm: "bash", cmdline: "-bash", ticks: 0, uid: 1000), Proc(30, comm: "nginx", cmdline: "nginx: worker", ticks: 7));
        _t.Push(Proc(10, comm: "sshd", ticks: 100), Proc(20, comm: "bash", cmdline: "-bash", ticks: 50, uid: 1000), Proc(30, comm: "nginx", cmdline: "nginx: worker", ticks: 12));
    }

    [Fact]
    public void Default_columns_sorted_by_cpu_descending_with_htop_formats()
    {
        TwoSamples();
        Assert.Equal([20, 30, 10], _t.Pids);
        Assert.Equal(["PID", "USER", "PRI", "NI", "VIRT", "RES", "SHR", "S", "CPU%▼", "MEM%", "TIME+", "Command"], _t.State.Columns.Select(c => c.Text));
        Assert.Equal("50.0", _t.Cell(20, ColumnId.CpuPercent));
        Assert.Equal("alice", _t.Cell(20, ColumnId.User));
        Assert.Equal("4096", _t.Cell(20, ColumnId.Virt));      // 1024 pages of 4 KiB, in KiB
        Assert.Equal("1024", _t.Cell(20, ColumnId.Res));
        Assert.Equal("0.0", _t.Cell(20, ColumnId.MemPercent));
        Assert.Equal("0:01.00", _t.Cell(10, ColumnId.Time));   // 100 ticks at USER_HZ 100
        Assert.Equal("-bash", _t.Cell(20, ColumnId.Command));
        Assert.Equal("20", _t.Cell(20, ColumnId.Priority));
    }

    [Fact]
    public void Sorting_by_a_column_and_again_inverts()
    {
        TwoSamples();
        _t.Vm.SortBy(ColumnId.Pid);
        Assert.Equal([10, 20, 30], _t.Pids);
        Assert.Equal("PID▲", _t.State.Columns[0].Text);
        _t.Vm.SortBy(ColumnId.Pid);
        Assert.Equal([30, 20, 10], _t.Pids);
        _t.Vm.InvertSort();
        Assert.Equal([10, 20, 30], _t.Pids);
        _t.Vm.SortBy(ColumnId.Command);
        Assert.Equal([20, 10, 30], _t.Pids);     // ordinal: "-bash" < "/usr/bin/sshd" < "nginx: worker"
        Assert.False(_t.State.SortDescending);
    }

    [Fact]
    public void Filter_keeps_only_matching_rows_by_name_or_command_line()
    {
        TwoSamples();
        _t.Vm.SetFilter("WORKER");
        Assert.Equal([30], _t.Pids);
        _t.Vm.SetFilter("sshd");
        Assert.Equal([10], _t.Pids);
        Assert.Equal(3, _t.State.TotalCount);
        _t.Vm.SetFilter("");
        Assert.Equal(3, _t.State.Rows.Count);
    }

    [Fact]
    public void User_filter_shows_one_users_rows()
    {
        TwoSamples();
        _t.Vm.SetUserFilter("alice");
        Assert.Equal([20], _t.Pids);
        _t.Vm.SetUserFilter(null);
        Assert.Equal(3, _t.State.Rows.Count);
    }

    [Fact]
    public void Search_selects_the_next_match_and_wraps()
    {
        TwoSamples();   // rows: 20 bash, 30 nginx, 10 sshd
        _t.Vm.Select(0);
        Assert.True(_t.Vm.SetSearch("s"));          // "-bash" matches at the selection itself
        Assert.Equal(20, _t.SelectedPid);
        Assert.True(_t.Vm.FindNext());
        Assert.Equal(10, _t.SelectedPid);           // nginx has no 's'
        Assert.True(_t.Vm.FindNext());
        Assert.Equal(20, _t.SelectedPid);           // wrapped
        Assert.True(_t.Vm.FindPrevious());
        Assert.Equal(10, _t.SelectedPid);
        Assert.False(_t.Vm.SetSearch("postgres"));
        Assert.True(_t.State.SearchFailed);
        Assert.Equal(10, _t.SelectedPid);
    }

    [Fact]
    public void Columns_can_be_added_and_removed_and_decide_the_files_read()
    {
        TwoSamples();
        Assert.Equal(Core.Processes.ProcessFiles.None, _t.Vm.RequiredFiles.CurrentValue);
        _t.Vm.ToggleColumn(ColumnId.RunqPercent);
        _t.Vm.ToggleColumn(ColumnId.Cgroup);
        _t.Vm.ToggleColumn(ColumnId.IoReadRate);
        Assert.Equal(Core.Processes.ProcessFiles.SchedStat | Core.Processes.ProcessFiles.Cgroup | Core.Processes.ProcessFiles.Io,
            _t.Vm.RequiredFiles.CurrentValue);
        Assert.Equal(ColumnId.Command, _t.State.Columns[^1].Id);
        Assert.Equal("-", _t.Cell(20, ColumnId.RunqPercent));   // not read: shown as "-", not 0
        _t.Vm.ToggleColumn(ColumnId.Cgroup);
        Assert.DoesNotContain(_t.State.Columns, c => c.Id == ColumnId.Cgroup);
        Assert.Equal(_t.State.Columns.Count, _t.Row(20).Cells.Count);
    }

    [Fact]
    public void Control_characters_in_comm_are_escaped_in_cells_and_command_line()
    {
        _t.Push(Proc(66, comm: "evil\x1b[2Jname\n", cmdline: ""));
        Assert.Equal("evil\\e[2Jname\\n", _t.Cell(66, ColumnId.Command));
        Assert.Equal("[evil\\e[2Jname\\n]", _t.State.SelectedCommandLine);
    }

    public void Dispose() => _t.Dispose();
}
