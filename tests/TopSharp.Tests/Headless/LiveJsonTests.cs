using System.Diagnostics;
using System.Text.Json;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary><c>--once --json</c> on this machine: invariants, not values.</summary>
public class LiveJsonTests
{
    [Fact]
    public void Two_readings_a_delay_apart_give_one_document_with_pid_1()
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--delay", "0.2");

        Assert.True(code == 0, stderr);
        JsonElement json = JsonDocument.Parse(stdout).RootElement;
        Assert.InRange(json.GetProperty("interval_sec").GetDouble(), 0.2, 5);
        JsonElement init = json.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == 1);
        Assert.Equal(0, init.GetProperty("ppid").GetInt32());
        Assert.Equal(JsonValueKind.Number, init.GetProperty("cpu_pct").ValueKind);
        Assert.InRange(json.GetProperty("cpu_total").GetProperty("busy_pct").GetDouble(), 0, 100);
        int cpuLines = File.ReadLines("/proc/stat").Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        Assert.Equal(cpuLines, json.GetProperty("cpus").GetArrayLength());
        Assert.True(json.GetProperty("memory").GetProperty("mem_available_bytes").GetUInt64()
            <= json.GetProperty("memory").GetProperty("mem_total_bytes").GetUInt64());
    }

    [SkippableFact]
    public void As_root_every_cpu_has_a_sched_figure_and_with_no_bpf_none()
    {
        TopSharp.Testing.Requires.Root("attaches the sched_switch BPF program");
        JsonElement attached = Once("--once", "--json", "--delay", "0.2");
        JsonElement ticksOnly = Once("--once", "--json", "--delay", "0.2", "--no-bpf");

        Assert.All(attached.GetProperty("cpus").EnumerateArray(), c => Assert.InRange(c.GetProperty("busy_pct_sched").GetDouble(), 0, 100));
        Assert.InRange(attached.GetProperty("cpu_total").GetProperty("busy_pct_sched").GetDouble(), 0, 100);
        Assert.All(ticksOnly.GetProperty("cpus").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("busy_pct_sched").ValueKind));
        Assert.Equal(JsonValueKind.Null, ticksOnly.GetProperty("cpu_total").GetProperty("busy_pct_sched").ValueKind);
    }

    private static JsonElement Once(params string[] args)
    {
        (int code, string stdout, string stderr) = Run(args);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void The_real_binary_exits_2_on_bad_options_and_prints_json_on_good_ones()
    {
        (int bad, _, string badErr) = Exe("--colors", "many");
        (int good, string goodOut, string goodErr) = Exe("--once", "--json", "--root", TopSharp.Testing.Fixtures.Dir("numa4-cgroup2"));

        Assert.Equal(2, bad);
        Assert.Equal("topsharp: --colors: 'many' is not one of 16, truecolor, none (see --help)\n", badErr);
        Assert.True(good == 0, goodErr);
        Assert.Equal(3.47, JsonDocument.Parse(goodOut).RootElement.GetProperty("interval_sec").GetDouble(), 6);
    }

    private static (int Code, string Out, string Err) Exe(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "topsharp.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}
