using System.Diagnostics;
using System.Text.Json;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.Headless;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.Tests.Headless;

/// <summary>The report's <c>syscalls</c> section: its shape from hand-built snapshots, then live as root, as nobody, and under SIGKILL.</summary>
public class SyscallsJsonTests
{
    [Fact]
    public void The_section_names_each_syscall_and_process_and_escapes_untrusted_names()
    {
        var buckets = new ulong[SyscallSnapshot.BucketCount];
        buckets[10] = 4;
        SyscallSnapshot older = new(1, TimeSpan.FromSeconds(1), true, new Dictionary<SyscallKey, SyscallTotals>(), new Dictionary<int, ProcessName>());
        SyscallSnapshot newer = older with
        {
            Timestamp = TimeSpan.FromSeconds(3),
            ByKey = new Dictionary<SyscallKey, SyscallTotals> { [new(42, 110)] = new(4, 2, 1, buckets) },
            Names = new Dictionary<int, ProcessName> { [42] = new("evil\u001b[31m", true) },
        };
        SyscallsJson json = SyscallsJson.From(SyscallRates.Between(older, newer), latency: true, _ => true);
        string text = JsonSerializer.Serialize(json, ReportJsonContext.Readable.SyscallsJson);
        JsonElement root = JsonDocument.Parse(text).RootElement;

        JsonElement getppid = root.GetProperty("by_syscall")[0];
        Assert.Equal((110, "getppid", 4UL, 2.0, 2UL, 1.0), (getppid.GetProperty("nr").GetInt32(), getppid.GetProperty("name").GetString(),
            getppid.GetProperty("count").GetUInt64(), getppid.GetProperty("per_sec").GetDouble(), getppid.GetProperty("errors").GetUInt64(),
            getppid.GetProperty("errors_per_sec").GetDouble()));
        Assert.Equal(1024 + 512, getppid.GetProperty("p50_ns").GetDouble());
        JsonElement process = root.GetProperty("by_process")[0];
        Assert.Equal(42, process.GetProperty("pid").GetInt32());
        Assert.True(process.GetProperty("exited").GetBoolean());
        Assert.Contains("\\u001B[31m", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("getppid", process.GetProperty("top")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void By_cgroup_sums_the_members_and_counts_what_it_left_out()
    {
        SyscallSnapshot older = new(1, TimeSpan.FromSeconds(1), false, new Dictionary<SyscallKey, SyscallTotals>(), new Dictionary<int, ProcessName>());
        SyscallSnapshot newer = older with
        {
            Timestamp = TimeSpan.FromSeconds(3),
            ByKey = new Dictionary<SyscallKey, SyscallTotals>
            {
                [new(10, 110)] = new(400, 0, 1, null), [new(11, 110)] = new(200, 0, 1, null),
                [new(20, 110)] = new(9_000, 0, 1, null), [new(30, 0)] = new(60, 0, 1, null),
            },
        };
        ProcessSample In(int pid, string path) => Proc(pid) with { Cgroup = new PidCgroup([new CgroupMembership(0, "", path)]) };
        var group = new Core.Cgroups.CgroupKey("unified", "/batch");

        CgroupSyscallsJson json = CgroupSyscallsJson.From(group, true, older, newer,
            [In(10, "/batch/job1"), In(11, "/batch"), In(20, "/")], [In(10, "/batch/job1"), In(20, "/")]);   // 11 exited; 30 never seen
        JsonElement root = JsonDocument.Parse(JsonSerializer.Serialize(SyscallsJson.Unavailable("x") with { ByCgroup = json },
            ReportJsonContext.Readable.SyscallsJson)).RootElement.GetProperty("by_cgroup");

        Assert.True(root.GetProperty("exists").GetBoolean());
        Assert.Equal(("unified", "/batch", 1, 2, 1), (root.GetProperty("hierarchy").GetString(), root.GetProperty("path").GetString(),
            root.GetProperty("processes").GetInt32(), root.GetProperty("with_syscalls").GetInt32(), root.GetProperty("exited").GetInt32()));
        Assert.Equal((1, 30.0), (root.GetProperty("unknown_processes").GetInt32(), root.GetProperty("unknown_per_sec").GetDouble()));
        JsonElement getppid = root.GetProperty("by_syscall").EnumerateArray().Single();
        Assert.Equal(("getppid", 600UL, 300.0), (getppid.GetProperty("name").GetString(), getppid.GetProperty("count").GetUInt64(), getppid.GetProperty("per_sec").GetDouble()));
    }

    [SkippableFact]
    public void Live_with_cgroup_root_every_process_of_the_reading_is_a_member()
    {
        Requires.Root("attaches BPF programs");
        (int code, string stdout, string stderr) = Run("--once", "--json", "--delay", "0.3", "--cgroup", "/");
        Assert.True(code == 0, stderr);
        JsonElement root = JsonDocument.Parse(stdout).RootElement;
        JsonElement byCgroup = root.GetProperty("syscalls").GetProperty("by_cgroup");
        Requires.That(LiveCgroups.Layout().Unified is not null, "needs the unified (v2) hierarchy mounted");
        Assert.Equal(root.GetProperty("processes").GetArrayLength(), byCgroup.GetProperty("processes").GetInt32());
        Assert.True(byCgroup.GetProperty("exists").GetBoolean());
        Assert.Contains(byCgroup.GetProperty("by_syscall").EnumerateArray(), s => s.GetProperty("count").GetUInt64() > 0);
        JsonElement missing = JsonDocument.Parse(Run("--once", "--json", "--delay", "0.2", "--cgroup", "no,such:/x").Out).RootElement
            .GetProperty("syscalls").GetProperty("by_cgroup");
        Assert.Equal((false, 0), (missing.GetProperty("exists").GetBoolean(), missing.GetProperty("processes").GetInt32()));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Run("--once", "--json", "--delay", "0.2").Out).RootElement
            .GetProperty("syscalls").GetProperty("by_cgroup").ValueKind);
    }

    [SkippableFact]
    public void Live_as_root_the_interval_s_syscalls_are_counted()
    {
        Requires.Root("attaches BPF programs");
        (int code, string stdout, string stderr) = Run("--once", "--json", "--delay", "0.3", "--syscall-latency");
        Assert.True(code == 0, stderr);
        JsonElement syscalls = JsonDocument.Parse(stdout).RootElement.GetProperty("syscalls");
        Assert.True(syscalls.GetProperty("available").GetBoolean(), syscalls.ToString());
        Assert.True(syscalls.GetProperty("latency").GetBoolean());
        Assert.NotEqual(0, syscalls.GetProperty("by_syscall").GetArrayLength());
        Assert.Contains(syscalls.GetProperty("by_process").EnumerateArray(), p => p.GetProperty("pid").GetInt32() == Environment.ProcessId);
    }

    [Fact]
    public void No_bpf_turns_the_section_off_in_words()
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--delay", "0.2", "--no-bpf");
        Assert.True(code == 0, stderr);
        JsonElement syscalls = JsonDocument.Parse(stdout).RootElement.GetProperty("syscalls");
        Assert.False(syscalls.GetProperty("available").GetBoolean());
        Assert.Equal("turned off by --no-bpf", syscalls.GetProperty("reason").GetString());
        Assert.Equal(0, syscalls.GetProperty("by_syscall").GetArrayLength());
    }

    [SkippableFact]
    public void As_nobody_the_report_names_the_missing_capabilities_and_the_rest_is_complete()
    {
        Requires.Root("switches to nobody with setpriv");
        Requires.Tool("setpriv", "runs topsharp as nobody");
        (int code, string stdout, string stderr) = Topsharp(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], "--once", "--json", "--delay", "0.2");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        JsonElement root = JsonDocument.Parse(stdout).RootElement;
        JsonElement syscalls = root.GetProperty("syscalls");
        Assert.False(syscalls.GetProperty("available").GetBoolean());
        string reason = syscalls.GetProperty("reason").GetString()!;
        Assert.StartsWith("not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep <binary>`", reason);
        Assert.Contains("missing CAP_BPF and CAP_PERFMON", reason);
        Assert.InRange(root.GetProperty("interval_sec").GetDouble(), 0.2, 5);
        Assert.Contains(root.GetProperty("processes").EnumerateArray(), p => p.GetProperty("pid").GetInt32() == 1);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("cpu_total").GetProperty("busy_pct").ValueKind);
        Assert.NotEqual(0, root.GetProperty("cpus").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("memory").ValueKind);
    }

    [SkippableFact]
    public void After_SIGKILL_none_of_its_programs_is_left_loaded()
    {
        Requires.Root("attaches BPF programs");
        Requires.Tool("bpftool", "lists the loaded programs");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "topsharp.dll"), "--once", "--json", "--delay", "30"])
        {
            RedirectStandardOutput = true,
        };
        using Process topsharp = Process.Start(start)!;
        try
        {
            List<int> ids = [];
            for (var wait = Stopwatch.StartNew(); ids.Count < 4 && wait.Elapsed < TimeSpan.FromSeconds(20);)
                ids = ProgramsOf(topsharp.Id);
            // sys_enter, sys_exit and park (loaded, attached in latency mode only), and sched_switch for the CPU meters
            Assert.Equal(4, ids.Count);
            topsharp.Kill();
            topsharp.WaitForExit();
            List<int> left = ids;
            for (var wait = Stopwatch.StartNew(); left.Count > 0 && wait.Elapsed < TimeSpan.FromSeconds(2);)
                left = LoadedIds().Intersect(ids).ToList();
            Assert.Empty(left); // the kernel freed them with the process's fds: nothing was pinned
        }
        finally
        {
            if (!topsharp.HasExited) topsharp.Kill();
        }
    }

    /// <summary>Ids of the programs <paramref name="pid"/> holds fds of (prog_id in /proc/PID/fdinfo/*; bpftool 7.1 here lists no pids).</summary>
    private static List<int> ProgramsOf(int pid)
    {
        var ids = new List<int>();
        try
        {
            foreach (string fdinfo in Directory.EnumerateFiles($"/proc/{pid}/fdinfo"))
                foreach (string line in File.ReadLines(fdinfo))
                    if (line.StartsWith("prog_id:", StringComparison.Ordinal)) ids.Add(int.Parse(line[8..].Trim()));
        }
        catch (IOException) { } // an fd closed while reading: read again next time
        return ids.Distinct().Where(LoadedIds().Contains).ToList();
    }

    private static List<int> LoadedIds() => Bpftool().EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();

    private static JsonElement Bpftool()
    {
        using Process p = Process.Start(new ProcessStartInfo("bpftool", ["-j", "prog", "list"]) { RedirectStandardOutput = true })!;
        string json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static (int Code, string Out, string Err) Topsharp(string[] prefix, params string[] args)
    {
        var start = new ProcessStartInfo(prefix[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in prefix[1..]) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "topsharp.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}
