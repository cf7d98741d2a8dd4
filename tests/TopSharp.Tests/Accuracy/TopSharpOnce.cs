using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The real pipeline end to end: the built topsharp beside the test assembly, run as
/// `topsharp --once --json --delay N`, its report parsed. Field names are the JSON schema's
/// (snake_case): cpu_total, cpus[], processes[], memory.
/// </summary>
internal sealed class TopSharpOnce
{
    private TopSharpOnce(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    /// <param name="delaySeconds">The interval between its two readings.</param>
    /// <param name="cpus">
    /// When given, the CPU list it runs on (taskset(1)), so its own startup work stays off the
    /// CPU being measured: /proc/stat charges that work in ticks to whichever CPU ran it.
    /// </param>
    public static TopSharpOnce Run(double delaySeconds, string? cpus = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "topsharp.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string delay = delaySeconds.ToString(CultureInfo.InvariantCulture);
        string[] command = [dotnet, dll, "--once", "--json", "--delay", delay];
        if (cpus is not null) command = ["taskset", "--cpu-list", cpus, .. command];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"topsharp --once --delay {delay} ran for over 60 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"topsharp --once --json exited {process.ExitCode}:\n{stderr.Result}");
        return new TopSharpOnce(JsonDocument.Parse(stdout).RootElement.Clone());
    }

    public double TotalBusyPct => Root.GetProperty("cpu_total").GetProperty("busy_pct").GetDouble();

    public double TotalBusyPctTasks => Root.GetProperty("cpu_total").GetProperty("busy_pct_tasks").GetDouble();

    public int CpuCount => Root.GetProperty("cpus").GetArrayLength();

    public double CpuBusyPct(int cpu) => CpuEntry(cpu).GetProperty("busy_pct").GetDouble();

    /// <summary>cpus[].busy_pct_sched; throws, with the report, when it is null (the sched_switch program was not attached).</summary>
    public double CpuBusyPctSched(int cpu) =>
        CpuEntry(cpu).GetProperty("busy_pct_sched") is { ValueKind: JsonValueKind.Number } sched
            ? sched.GetDouble()
            : throw new InvalidOperationException($"cpus[{cpu}].busy_pct_sched is null\n{Describe()}");

    private JsonElement CpuEntry(int cpu) =>
        Root.GetProperty("cpus").EnumerateArray().Single(c => c.GetProperty("cpu").GetInt32() == cpu);

    public JsonElement? ProcessEntry(int pid) =>
        Root.GetProperty("processes").EnumerateArray()
            .Where(p => p.GetProperty("pid").GetInt32() == pid)
            .Select(p => (JsonElement?)p).FirstOrDefault();

    /// <summary>The process's cpu_pct; throws, with the report, when it is absent or null.</summary>
    public double CpuPct(int pid)
    {
        JsonElement process = ProcessEntry(pid) ?? throw new InvalidOperationException($"pid {pid} is not in topsharp's report\n{Describe()}");
        JsonElement cpuPct = process.GetProperty("cpu_pct");
        return cpuPct.ValueKind == JsonValueKind.Number
            ? cpuPct.GetDouble()
            : throw new InvalidOperationException($"pid {pid} has cpu_pct {cpuPct}\n{Describe()}");
    }

    /// <summary>The figures a failed assertion needs: totals, per CPU, and the busiest processes.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cpu_total: {Root.GetProperty("cpu_total")}\n");
        foreach (JsonElement cpu in Root.GetProperty("cpus").EnumerateArray())
            text.Append(CultureInfo.InvariantCulture, $"cpu{cpu.GetProperty("cpu")}: busy_pct {cpu.GetProperty("busy_pct")}, busy_pct_sched {cpu.GetProperty("busy_pct_sched")}\n");
        var busiest = Root.GetProperty("processes").EnumerateArray()
            .Where(p => p.GetProperty("cpu_pct").ValueKind == JsonValueKind.Number)
            .OrderByDescending(p => p.GetProperty("cpu_pct").GetDouble()).Take(5);
        foreach (JsonElement p in busiest)
        {
            string comm = p.TryGetProperty("comm", out JsonElement c) ? c.ToString() : "?";
            text.Append(CultureInfo.InvariantCulture, $"pid {p.GetProperty("pid")} ({comm}): cpu_pct {p.GetProperty("cpu_pct")}\n");
        }
        return text.ToString();
    }
}
