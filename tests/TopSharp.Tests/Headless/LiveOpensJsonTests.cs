using System.Diagnostics;
using System.Text.Json;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Tests.Headless;

/// <summary>
/// The built topsharp as `topsharp --opens --json --pid (this test process)` (root): the opens this process makes
/// come out as lines, SIGTERM ends it with the summary, and after SIGKILL its program is gone from the kernel.
/// </summary>
public class LiveOpensJsonTests
{
    private static Process Start(params string[] args) => Start([], args);

    /// <summary>topsharp with <paramref name="args"/>, run through <paramref name="prefix"/> (e.g. setpriv) when given.</summary>
    private static Process Start(string[] prefix, string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "topsharp.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
        string[] command = [.. prefix, dotnet, dll, .. args];
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        return Process.Start(start)!;
    }

    /// <summary>The BPF program ids <paramref name="pid"/> holds fds of (prog_id in /proc/PID/fdinfo), once it holds any.</summary>
    private static List<int> WaitForPrograms(Process p)
    {
        for (int i = 0; i < 600 && !p.HasExited; i++)
        {
            var ids = new List<int>();
            foreach (string fd in Directory.EnumerateFiles($"/proc/{p.Id}/fdinfo"))
            {
                try
                {
                    foreach (string line in File.ReadLines(fd))
                        if (line.StartsWith("prog_id:", StringComparison.Ordinal)) ids.Add(int.Parse(line["prog_id:".Length..].Trim()));
                }
                catch (IOException) { }   // an fd closed meanwhile
            }
            if (ids.Count > 0)
            {
                Thread.Sleep(500);   // the link follows the program by a few milliseconds
                return ids;
            }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"topsharp --opens attached nothing: {p.StandardError.ReadToEnd()}");
    }

    private static bool ProgramExists(int id)
    {
        using var p = Process.Start(new ProcessStartInfo("bpftool", ["prog", "show", "id", id.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private static void Signal(Process p, string signal) => Process.Start("kill", ["-" + signal, p.Id.ToString()])!.WaitForExit();

    [SkippableFact]
    public void This_process_opens_come_out_in_order_and_SIGTERM_ends_with_the_summary()
    {
        Requires.Root("attaches opens.bpf.o");
        string missing = $"/nonexistent/topsharp-opens-{Guid.NewGuid():N}";
        string existing = Path.GetTempFileName();
        using Process topsharp = Start("--opens", "--json", "--pid", Environment.ProcessId.ToString());
        Task<string> stdout = topsharp.StandardOutput.ReadToEndAsync();
        try
        {
            WaitForPrograms(topsharp);
            foreach (string path in (string[])[missing, existing, missing])
                try { File.OpenHandle(path).Dispose(); } catch (IOException) { }
            Thread.Sleep(500);
            Signal(topsharp, "TERM");
            Assert.True(topsharp.WaitForExit(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, topsharp.ExitCode);

            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            var ours = lines.Where(l => l.TryGetProperty("path", out JsonElement p) && (p.GetString() == missing || p.GetString() == existing)).ToList();
            Assert.Equal([missing, existing, missing], ours.Select(l => l.GetProperty("path").GetString()));
            Assert.Equal(["ENOENT", null, "ENOENT"], ours.Select(l => l.GetProperty("errno").GetString()));
            Assert.All(ours, l => Assert.Equal(Environment.ProcessId, l.GetProperty("pid").GetInt32()));
            JsonElement summary = lines[^1].GetProperty("summary");
            Assert.True(summary.GetProperty("available").GetBoolean());
            Assert.Equal(lines.Count - 1, summary.GetProperty("events").GetInt64());
            Assert.Equal(0UL, summary.GetProperty("lost").GetUInt64());
        }
        finally
        {
            if (!topsharp.HasExited) topsharp.Kill();
            File.Delete(existing);
        }
    }

    [SkippableFact]
    public void As_nobody_the_summary_names_what_is_missing_and_the_exit_code_is_1()
    {
        Requires.Root("switches to nobody with setpriv");
        Requires.Tool("setpriv", "runs topsharp as nobody");
        using Process topsharp = Start(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], ["--opens", "--json", "--duration", "5"]);
        Task<string> stderr = topsharp.StandardError.ReadToEndAsync();
        string stdout = topsharp.StandardOutput.ReadToEnd();
        Assert.True(topsharp.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.Equal(1, topsharp.ExitCode);
        JsonElement summary = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement.GetProperty("summary");
        Assert.False(summary.GetProperty("available").GetBoolean());
        Assert.Contains("not privileged", summary.GetProperty("reason").GetString());
        Assert.Contains("cap_bpf,cap_perfmon", summary.GetProperty("reason").GetString());
        Assert.StartsWith("topsharp: --opens: not privileged", stderr.Result);
    }

    [SkippableFact]
    public void After_SIGKILL_nothing_stays_attached()
    {
        Requires.Root("attaches opens.bpf.o");
        Requires.Tool("bpftool", "shows whether the program is still loaded");
        using Process topsharp = Start("--opens", "--json", "--pid", "1");
        List<int> ids = WaitForPrograms(topsharp);
        Assert.All(ids, id => Assert.True(ProgramExists(id)));

        Signal(topsharp, "KILL");
        topsharp.WaitForExit();
        for (int i = 0; i < 20 && ids.Any(ProgramExists); i++) Thread.Sleep(100);

        Assert.DoesNotContain(ids, ProgramExists);
    }

    [SkippableFact]
    public void With_cgroup_only_the_opens_made_inside_the_group_come_out_and_the_summary_names_it()
    {
        Requires.Root("creates a cgroup v2 and attaches opens.bpf.o");
        Core.Cgroups.CgroupLayout layout = LiveCgroups.Layout();
        Requires.That(layout.Unified is not null, "needs the unified (v2) hierarchy mounted");
        using var groups = new LiveCgroups();
        string path = LiveCgroups.UniquePath("-json");
        string dir = groups.Make(layout.Unified!, path);
        string inside = $"/nonexistent/topsharp-inside-{Guid.NewGuid():N}", outside = $"/nonexistent/topsharp-outside-{Guid.NewGuid():N}";
        var children = new List<Process>();
        Process Bash(string openPath)
        {
            // waits for one line, then opens openPath once (a redirection: bash itself opens it)
            var start = new ProcessStartInfo("bash", ["-c", "read -r go; : < \"$1\" 2>/dev/null", "bash", openPath]) { RedirectStandardInput = true };
            Process p = Process.Start(start)!;
            children.Add(p);
            return p;
        }
        Process? topsharp = null;
        try
        {
            Process inGroup = Bash(inside), notInGroup = Bash(outside);
            Assert.True(Core.Cgroups.CgroupControl.Instance.Move(inGroup.Id, dir).Succeeded);
            topsharp = Start("--opens", "--json", "--cgroup", path + "/");
            Task<string> stdout = topsharp.StandardOutput.ReadToEndAsync();
            WaitForPrograms(topsharp);
            foreach (Process child in children)
            {
                child.StandardInput.WriteLine("go");
                Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)));
            }
            Thread.Sleep(500);
            Signal(topsharp, "TERM");
            Assert.True(topsharp.WaitForExit(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, topsharp.ExitCode);

            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            JsonElement opened = Assert.Single(lines, l => l.TryGetProperty("path", out JsonElement p) && p.GetString() == inside);
            Assert.Equal(("ENOENT", inGroup.Id), (opened.GetProperty("errno").GetString(), opened.GetProperty("pid").GetInt32()));
            Assert.DoesNotContain(lines, l => l.TryGetProperty("path", out JsonElement p) && p.GetString() == outside);
            Assert.All(lines.SkipLast(1), l => Assert.Equal(inGroup.Id, l.GetProperty("pid").GetInt32()));
            JsonElement summary = lines[^1].GetProperty("summary");
            Assert.Equal(path, summary.GetProperty("cgroup").GetString());
            Assert.Equal(JsonValueKind.Null, summary.GetProperty("pid").ValueKind);
        }
        finally
        {
            if (topsharp is { HasExited: false }) topsharp.Kill();
            topsharp?.Dispose();
            foreach (Process child in children)
            {
                if (!child.HasExited) { child.Kill(); child.WaitForExit(); }
                child.Dispose();
            }
        }
    }
}
