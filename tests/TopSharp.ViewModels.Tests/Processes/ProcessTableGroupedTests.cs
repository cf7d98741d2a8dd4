using Microsoft.Extensions.Time.Testing;
using R3;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Formatting;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;
using Xunit;

namespace TopSharp.ViewModels.Tests.Processes;

/// <summary>v: flat → tree → grouped by cgroup, on the numa4-cgroup2 pair (values from its ANSWERS.md).</summary>
public sealed class ProcessTableGroupedTests : IDisposable
{
    private readonly Subject<Sample> _samples = new();
    private readonly ProcessTableViewModel _vm;

    public ProcessTableGroupedTests() =>
        _vm = new ProcessTableViewModel(_samples, new FakeTimeProvider(), new FakeProcessControl(),
            ProcessTableSettings.Default with { SortColumn = ColumnId.Pid, SortDescending = false });

    private ProcessTableState State => _vm.State.CurrentValue;

    /// <summary>The t0 → t1 pair with the files the table asks for, as the sampler loop would read it.</summary>
    private void PushCapture()
    {
        string tree = Fixtures.Dir("numa4-cgroup2");
        using var t0 = new Sampler(new KernelRoot(Path.Combine(tree, "t0")));
        using var t1 = new Sampler(new KernelRoot(Path.Combine(tree, "t1")));
        ProcessFiles files = _vm.RequiredFiles.CurrentValue;
        SystemSnapshot older = t0.Sample(files), newer = t1.Sample(files);
        _samples.OnNext(new Sample(newer, older, SnapshotRates.Between(older, newer)));
    }

    private string[] Headings => [.. State.Rows.Where(r => r.Is(RowFlags.Heading)).Select(r => r.Cells[^1])];

    /// <summary>The PIDs under the heading that starts with <paramref name="path"/> + ":".</summary>
    private int[] PidsUnder(string path)
    {
        int start = State.Rows.ToList().FindIndex(r => r.Is(RowFlags.Heading) && r.Cells[^1].StartsWith(path + ":", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no heading for {path}");
        return [.. State.Rows.Skip(start + 1).TakeWhile(r => !r.Is(RowFlags.Heading)).Select(r => r.Pid)];
    }

    [Fact]
    public void V_cycles_flat_tree_grouped_and_persists_the_mode()
    {
        PushCapture();
        Assert.False(State.Tree || State.Grouped);
        _vm.CycleListMode();
        Assert.True(State.Tree);
        Assert.True(_vm.Settings.CurrentValue.Tree);
        Assert.Contains(State.Rows, r => r.Depth > 0);

        _vm.CycleListMode();
        Assert.True(State.Grouped);
        Assert.False(State.Tree);
        Assert.Equal(new ProcessTableSettings(SortColumn: ColumnId.Pid, SortDescending: false, Grouped: true), _vm.Settings.CurrentValue);
        Assert.True((_vm.RequiredFiles.CurrentValue & ProcessFiles.Cgroup) != 0);

        _vm.CycleListMode();
        Assert.False(State.Tree || State.Grouped);
        Assert.DoesNotContain(State.Rows, r => r.Is(RowFlags.Heading));
        Assert.Equal(0, (int)(_vm.RequiredFiles.CurrentValue & ProcessFiles.Cgroup));
    }

    [Fact]
    public void Grouped_puts_each_process_under_its_cgroup_with_counts_cpu_and_res()
    {
        _vm.CycleListMode();
        _vm.CycleListMode();
        PushCapture();

        Assert.Equal(
        [
            "/", "/batch/job1", "/batch/job2", "/system.slice/cron.service", "/system.slice/db.service", "/system.slice/web.service",
        ], Headings.Select(h => h[..h.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.Equal([159], PidsUnder("/batch/job1"));
        Assert.Equal([160, 165], PidsUnder("/batch/job2"));              // the table's sort (PID ascending) within the group
        Assert.Equal([157, 158, 184], PidsUnder("/system.slice/db.service"));
        Assert.Equal([161, 162, 164, 169], PidsUnder("/system.slice/web.service"));   // the zombie's cgroup file still names it
        Assert.Equal(110 + 1, PidsUnder("/").Length);                      // kernel threads and init

        // burner-job1: 1277 → 1607 ticks in 3.47 s; VmRSS 33424 kB. burner-job2 + stopped: 631 → 800; 17076 + 4 kB.
        Assert.Contains($"/batch/job1: 1 process, CPU {Units.Percent(330 / 3.47)}%, RES {Units.Bytes(33424UL * 1024)}", Headings);
        Assert.Contains($"/batch/job2: 2 processes, CPU {Units.Percent(169 / 3.47)}%, RES {Units.Bytes(17080UL * 1024)}", Headings);
        Assert.Contains($"/system.slice/db.service: 3 processes, CPU 0.0%, RES {Units.Bytes((303876UL + 66208 + 33032) * 1024)}", Headings);

        ProcessRow heading = State.Rows.First(r => r.Is(RowFlags.Heading));
        Assert.Equal(default, heading.Key);
        Assert.All(heading.Cells.SkipLast(1), c => Assert.Equal("", c));
        Assert.All(State.Rows.Where(r => !r.Is(RowFlags.Heading)), r => Assert.Equal(1, r.Depth));
    }

    [Fact]
    public void Selection_stays_on_the_process_across_modes_and_skips_headings()
    {
        PushCapture();
        var web = new ProcessKey(161, State.Rows.Single(r => r.Pid == 161).Key.Starttime);
        _vm.SelectKey(web);
        foreach (bool grouped in new[] { false, true, false })
        {
            _vm.CycleListMode();
            Assert.Equal(grouped, State.Grouped);
            Assert.Equal(web, State.Selected);
            PushCapture();     // the next refresh, with the cgroup files when grouped
            Assert.Equal(web, State.Selected);
            Assert.Equal(161, State.SelectedRow!.Pid);
            if (grouped) Assert.Contains(161, PidsUnder("/system.slice/web.service"));
        }

        _vm.CycleListMode();
        _vm.CycleListMode();   // grouped
        PushCapture();
        Assert.True(State.Grouped);
        _vm.Select(0);         // the first heading: the process below it
        Assert.False(State.SelectedRow!.Is(RowFlags.Heading));
        Assert.Equal(1, State.SelectedIndex);

        _vm.SelectKey(new ProcessKey(160, State.Rows.Single(r => r.Pid == 160).Key.Starttime));   // first under /batch/job2
        int job2 = State.SelectedIndex;
        Assert.True(State.Rows[job2 - 1].Is(RowFlags.Heading));
        _vm.MoveSelection(-1);   // over the heading to the last process of /batch/job1
        Assert.Equal(job2 - 2, State.SelectedIndex);
        Assert.Equal(159, State.SelectedRow!.Pid);
        _vm.MoveSelection(+1);
        Assert.Equal(160, State.SelectedRow!.Pid);

        _vm.SelectKey(default);  // a heading's key selects nothing
        Assert.Equal(160, State.SelectedRow!.Pid);
        _vm.MoveSelection(+1);
        _vm.ToggleTag();         // tags stopped (last of /batch/job2) and moves over the next heading to frozen
        Assert.Equal([165], _vm.Tagged.Select(k => k.Pid));
        Assert.Equal(166, State.SelectedRow!.Pid);
        Assert.DoesNotContain(State.Rows, r => r.Is(RowFlags.Heading) && (r.Is(RowFlags.Selected) || r.Is(RowFlags.Tagged)));
    }

    public void Dispose()
    {
        _vm.Dispose();
        _samples.Dispose();
    }
}
