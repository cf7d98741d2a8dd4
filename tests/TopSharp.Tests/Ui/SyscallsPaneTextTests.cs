using TopSharp.Ui.Syscalls;
using TopSharp.ViewModels.Syscalls;
using Xunit;

namespace TopSharp.Tests.Ui;

public class SyscallsPaneTextTests
{
    [Fact]
    public void The_tables_line_up_under_their_headings()
    {
        var state = new SyscallsState(null, null, true,
            [new SyscallRow("openat", "17.7k", "16.5k", "792ns", "15.6µs"), new SyscallRow("read", "531", "0", "2.1µs", "74.7ms")],
            "PID 42 worker: 205 calls/s, 5 errors/s", [new SyscallRow("getppid", "200", "0", "-", "-")]);
        IReadOnlyList<string> lines = SyscallsPaneText.Lines(state, 80);
        Assert.StartsWith("System-wide, busiest first    latency on", lines[0]);
        Assert.Equal("  SYSCALL              CALLS/s  ERRORS/s      P50      P99", lines[1]);
        Assert.Equal("  openat                 17.7k     16.5k    792ns   15.6µs", lines[2]);
        Assert.Contains(lines, l => l == "PID 42 worker: 205 calls/s, 5 errors/s");
        Assert.All(SyscallsPaneText.Lines(state, 20), l => Assert.True(l.Length <= 20));
    }

    [Fact]
    public void A_cgroup_table_says_what_it_covers_and_what_it_left_out()
    {
        var state = new SyscallsState(null, null, false, [new SyscallRow("getppid", "300", "0", "-", "-")], "no process selected", [],
            "Cgroup /batch/job2: 2 processes, 2 made syscalls", "/batch/job2", true, "not counted: 1 process whose cgroup was never read");
        IReadOnlyList<string> lines = SyscallsPaneText.Lines(state, 120);
        Assert.Equal(["Cgroup /batch/job2: 2 processes, 2 made syscalls, busiest first    latency off (l: time syscalls)",
            "c: the whole machine", "  SYSCALL              CALLS/s  ERRORS/s      P50      P99",
            "  getppid                  300         0        -        -", "  not counted: 1 process whose cgroup was never read"], lines.Take(5));
    }

    [Fact]
    public void Without_bpf_the_pane_is_words()
    {
        var state = new SyscallsState("turned off by --no-bpf", null, false, [], "", []);
        Assert.Equal("Syscalls: turned off by --no-bpf", SyscallsPaneText.Lines(state, 80)[0]);
    }
}
