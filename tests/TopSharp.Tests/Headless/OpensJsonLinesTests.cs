using System.Text.Json;
using TopSharp.Bpf.Opens;
using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Testing;
using TopSharp.Headless;
using Xunit;

namespace TopSharp.Tests.Headless;

/// <summary><c>--opens --json</c> on events from a list: one line per event, escaped, then the summary.</summary>
public class OpensJsonLinesTests
{
    private sealed class ListSource(IEnumerable<OpenEvent> events, string? unavailable = null, ulong lost = 0) : IOpenEventSource
    {
        private readonly Queue<OpenEvent> _waiting = new(events);
        public string? Unavailable => unavailable;
        public ulong Lost => lost;
        public bool Disposed { get; private set; }

        public int Drain(List<OpenEvent> into)
        {
            int n = _waiting.Count;
            into.AddRange(_waiting);
            _waiting.Clear();
            return n;
        }

        public void Dispose() => Disposed = true;
    }

    private static OpenEvent Open(string? path, long result, ulong flags = 0x80000) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), 5, 42, 43, result, flags, 257, "cat\x1b", path, path is null ? 14 : 0, false);

    private static (int Code, List<JsonElement> Lines, string Stderr, ListSource Source) Run(ListSource source, OpensScope scope)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        stop.Cancel(); // drain once, then the summary
        int code = OpensJsonLines.Trace(scope, _ => source, stdout, stderr, stop.Token);
        string text = stdout.ToString();
        Assert.DoesNotContain('\x1b', text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (code, lines, stderr.ToString(), source);
    }

    [Fact]
    public void Each_event_is_one_line_in_order_and_the_summary_comes_last()
    {
        var (code, lines, _, source) = Run(
            new ListSource([Open("/etc/hosts", 3), Open("/no\nsuch\x1b", -2, flags: 0x241), Open("/etc/hosts", -13), Open(null, -14)], lost: 4),
            OpensScope.Process(42, "cat"));

        Assert.Equal(0, code);
        Assert.True(source.Disposed);
        Assert.Equal(5, lines.Count);
        JsonElement first = lines[0];
        Assert.Equal("2023-11-14T22:13:20.123+00:00", first.GetProperty("time").GetString());
        Assert.Equal((42, 43), (first.GetProperty("pid").GetInt32(), first.GetProperty("tid").GetInt32()));
        Assert.Equal("cat\x1b", first.GetProperty("comm").GetString());
        Assert.Equal("openat", first.GetProperty("syscall").GetString());
        Assert.Equal(3, first.GetProperty("result").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("errno").ValueKind);
        Assert.Equal("O_RDONLY|O_CLOEXEC", first.GetProperty("flags").GetString());
        Assert.Equal(0x80000UL, first.GetProperty("flags_raw").GetUInt64());
        Assert.Equal("/etc/hosts", first.GetProperty("path").GetString());
        Assert.False(first.GetProperty("path_truncated").GetBoolean());
        Assert.Equal(("/no\nsuch\x1b", -2L, "ENOENT", "O_WRONLY|O_CREAT|O_TRUNC"),
            (lines[1].GetProperty("path").GetString(), lines[1].GetProperty("result").GetInt64(), lines[1].GetProperty("errno").GetString(), lines[1].GetProperty("flags").GetString()));
        Assert.Equal(JsonValueKind.Null, lines[3].GetProperty("path").ValueKind);

        JsonElement summary = lines[4].GetProperty("summary");
        Assert.True(summary.GetProperty("available").GetBoolean());
        Assert.Equal(42, summary.GetProperty("pid").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("cgroup").ValueKind);
        Assert.Equal((4, 3, 4UL), (summary.GetProperty("events").GetInt64(), summary.GetProperty("failures").GetInt64(), summary.GetProperty("lost").GetUInt64()));
        JsonElement top = summary.GetProperty("by_path")[0];
        Assert.Equal(("/etc/hosts", 2L, 1L, "EACCES"),
            (top.GetProperty("path").GetString(), top.GetProperty("count").GetInt64(), top.GetProperty("failures").GetInt64(), top.GetProperty("last_errno").GetString()));
    }

    [Fact]
    public void Without_privileges_only_the_summary_says_why_and_the_exit_code_is_1()
    {
        var (code, lines, stderr, _) = Run(new ListSource([Open("/x", 3)], unavailable: "not privileged: run as root"), OpensScope.All(1));

        Assert.Equal(1, code);
        JsonElement summary = Assert.Single(lines).GetProperty("summary");
        Assert.False(summary.GetProperty("available").GetBoolean());
        Assert.Equal("not privileged: run as root", summary.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("pid").ValueKind);
        Assert.Equal(0, summary.GetProperty("events").GetInt64());
        Assert.Contains("not privileged", stderr);
    }

    [Fact]
    public void A_cgroup_scope_is_named_in_the_summary()
    {
        var (_, lines, _, _) = Run(new ListSource([Open("/etc/hosts", 3)]), OpensScope.Cgroup(77, "/system.slice/ssh.service"));

        JsonElement summary = lines[^1].GetProperty("summary");
        Assert.Equal("/system.slice/ssh.service", summary.GetProperty("cgroup").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("pid").ValueKind);
    }

    [Fact]
    public void Cgroup_resolves_a_path_on_the_unified_hierarchy_to_its_id_and_level()
    {
        var root = new KernelRoot(Fixtures.Dir("numa4-cgroup2/t0"));
        OpensScope? scope = OpensJsonLines.Scope(new CommandLineOptions { Opens = true, Json = true, Cgroup = new CgroupKey("unified", "/batch/job2") }, root, out string error);

        Assert.Equal("", error);
        Assert.Equal((OpensScopeKind.Cgroup, 2, "/batch/job2"), (scope!.Kind, scope.CgroupLevel, scope.CgroupPath));
        Assert.True(UnifiedCgroup.TryReadInode(Path.Join(root.Path, "sys/fs/cgroup/batch/job2"), out ulong inode, out _, out _));
        Assert.Equal(inode, scope.CgroupId);
    }

    [Theory]
    [InlineData("numa4-cgroup2/t0", "unified", "/batch/nope", "no cgroup /batch/nope on the unified hierarchy (")]
    [InlineData("numa4-cgroup1/t0", "unified", "/batch", "no cgroup v2 (unified) hierarchy is mounted")]
    [InlineData("numa4-cgroup1/t0", "cpu,cpuacct", "/batch", "cpu,cpuacct:/batch is on a cgroup v1 hierarchy, which has no cgroup v2 id to filter by: give the group's path on the unified hierarchy")]
    public void Cgroup_that_is_not_on_the_unified_hierarchy_is_refused_in_words(string fixture, string hierarchy, string path, string expected)
    {
        var options = new CommandLineOptions { Opens = true, Json = true, Cgroup = new CgroupKey(hierarchy, path) };
        Assert.Null(OpensJsonLines.Scope(options, new KernelRoot(Fixtures.Dir(fixture)), out string error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void A_missing_cgroup_on_this_machine_exits_2_before_tracing()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = App.Run(["--opens", "--json", "--cgroup", "/topsharp-no-such-group\x1b"], stdout, stderr);

        Assert.Equal(App.BadOptions, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("topsharp: --cgroup: no", stderr.ToString());
    }
}
