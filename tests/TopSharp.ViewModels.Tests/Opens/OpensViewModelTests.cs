using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;
using TopSharp.Bpf.Opens;
using TopSharp.ViewModels.Opens;
using Xunit;

namespace TopSharp.ViewModels.Tests.Opens;

public sealed class OpensViewModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ListSource _source = new();

    public OpensViewModelTests() => _time.SetLocalTimeZone(TimeZoneInfo.Utc);

    private sealed class ListSource : IOpenEventSource
    {
        public readonly List<OpenEvent> Waiting = [];
        public string? Unavailable { get; set; }
        public ulong Lost { get; set; }
        public bool Disposed { get; private set; }

        public int Drain(List<OpenEvent> into)
        {
            into.AddRange(Waiting);
            int n = Waiting.Count;
            Waiting.Clear();
            return n;
        }

        public void Dispose() => Disposed = true;
    }

    private static OpenEvent Open(string? path, long result, int pid = 42, string comm = "cat", ulong flags = 0, double atSeconds = 0) =>
        new(Start.AddSeconds(atSeconds), 0, pid, pid, result, flags, 257, comm, path, path is null ? 14 : 0, false);

    private OpensViewModel View() => new(_source, "PID 42 (cat)", _time, TimeSpan.FromMilliseconds(250), Architecture.X64);

    [Fact]
    public void Events_arrive_on_the_timer_oldest_first_with_result_flags_and_escaped_path()
    {
        using OpensViewModel vm = View();
        _source.Waiting.AddRange([
            Open("/etc/passwd", 3, flags: OpenFlags.O_CLOEXEC, atSeconds: 1.5),
            Open("/nope\n\x1b[31m", -2, atSeconds: 1.75),
        ]);
        Assert.Empty(vm.State.CurrentValue.Rows);

        _time.Advance(TimeSpan.FromMilliseconds(250));

        OpensState s = vm.State.CurrentValue;
        Assert.Equal(2, s.Events);
        Assert.Equal(1, s.Failures);
        Assert.Equal(new OpenRow("12:00:01.500", 42, "cat", "3", false, "O_RDONLY|O_CLOEXEC", "/etc/passwd"), s.Rows[0]);
        Assert.Equal(new OpenRow("12:00:01.750", 42, "cat", "ENOENT", true, "O_RDONLY", "/nope\\n\\e[31m"), s.Rows[1]);
    }

    [Fact]
    public void Paused_the_list_stands_still_while_events_still_count_and_resume_shows_them()
    {
        using OpensViewModel vm = View();
        _source.Waiting.Add(Open("/a", 3));
        vm.Refresh();
        vm.TogglePause();
        _source.Waiting.AddRange([Open("/b", 4), Open("/c", -13)]);
        vm.Refresh();

        OpensState paused = vm.State.CurrentValue;
        Assert.True(paused.Paused);
        Assert.Equal(["/a"], paused.Rows.Select(r => r.Path));
        Assert.Equal(3, paused.Events);
        Assert.Equal(2, paused.Pending);

        vm.TogglePause();
        Assert.Equal(["/a", "/b", "/c"], vm.State.CurrentValue.Rows.Select(r => r.Path));
        Assert.Equal(0, vm.State.CurrentValue.Pending);
    }

    [Fact]
    public void Filter_matches_path_or_comm_ignoring_case_and_failures_only_keeps_errors()
    {
        using OpensViewModel vm = View();
        _source.Waiting.AddRange([Open("/etc/hosts", 3), Open("/etc/missing", -2), Open("/lib/x.so", 5, comm: "EtcDaemon"), Open("/tmp/y", -13)]);
        vm.Refresh();

        vm.SetFilter("ETC");
        Assert.Equal(["/etc/hosts", "/etc/missing", "/lib/x.so"], vm.State.CurrentValue.Rows.Select(r => r.Path));
        vm.ToggleFailuresOnly();
        Assert.Equal(["/etc/missing"], vm.State.CurrentValue.Rows.Select(r => r.Path));
        vm.SetFilter("");
        Assert.Equal(["/etc/missing", "/tmp/y"], vm.State.CurrentValue.Rows.Select(r => r.Path));
        Assert.Equal(["EACCES"], vm.State.CurrentValue.Rows.Where(r => r.Path == "/tmp/y").Select(r => r.Result));
    }

    [Fact]
    public void Summary_counts_per_path_and_sorts_by_count_failures_or_path()
    {
        using OpensViewModel vm = View();
        _source.Waiting.AddRange([
            Open("/b", 3), Open("/b", 3), Open("/b", 3),
            Open("/a", -2), Open("/a", -13),
            Open("/c", 3), Open("/c", -2),
        ]);
        vm.Refresh();
        vm.ToggleSummary();

        OpensState s = vm.State.CurrentValue;
        Assert.True(s.ShowSummary);
        Assert.Equal(new PathRow("/b", 3, 0, ""), s.Summary[0]);
        Assert.Equal([("/b", 3L), ("/a", 2L), ("/c", 2L)], s.Summary.Select(r => (r.Path, r.Count)));
        vm.NextSort();
        Assert.Equal(SummarySort.Failures, vm.State.CurrentValue.Sort);
        Assert.Equal(new PathRow("/a", 2, 2, "EACCES"), vm.State.CurrentValue.Summary[0]);
        Assert.Equal(["/a", "/c", "/b"], vm.State.CurrentValue.Summary.Select(r => r.Path));
        vm.NextSort();
        Assert.Equal(["/a", "/b", "/c"], vm.State.CurrentValue.Summary.Select(r => r.Path));
        vm.ToggleFailuresOnly();
        Assert.Equal(["/a", "/c"], vm.State.CurrentValue.Summary.Select(r => r.Path));
    }

    [Fact]
    public void The_list_keeps_the_newest_events_and_lost_events_are_shown()
    {
        using OpensViewModel vm = View();
        for (int i = 0; i < OpensViewModel.Kept + 10; i++) _source.Waiting.Add(Open($"/f{i}", 3));
        _source.Lost = 7;
        vm.Refresh();

        OpensState s = vm.State.CurrentValue;
        Assert.Equal(OpensViewModel.Kept, s.Rows.Count);
        Assert.Equal("/f10", s.Rows[0].Path);
        Assert.Equal(OpensViewModel.Kept + 10, s.Events);
        Assert.Equal(7UL, s.Lost);
    }

    [Fact]
    public void Unreadable_and_truncated_paths_say_so_and_an_unavailable_source_gives_its_reason()
    {
        _source.Unavailable = "needs CAP_BPF and CAP_PERFMON";
        using OpensViewModel vm = View();
        Assert.Equal("needs CAP_BPF and CAP_PERFMON", vm.State.CurrentValue.Unavailable);
        Assert.Equal("<unreadable: EFAULT>", OpensViewModel.PathText(Open(null, -14)));
        Assert.Equal("/long…", OpensViewModel.PathText(Open("/long", 3) with { PathTruncated = true }));
    }

    [Fact]
    public void Disposing_the_view_disposes_its_source_so_the_programs_detach()
    {
        OpensViewModel vm = View();
        vm.Dispose();
        Assert.True(_source.Disposed);
    }
}
