using System.Text.Json;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary><c>--once --json --root</c> on the numa4-cgroup2 captures (t0/, t1/): exact values from its ANSWERS.md.</summary>
public class CapturedTreeJsonTests
{
    private static readonly Lazy<JsonElement> Report = new(() =>
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--root", Fixtures.Dir("numa4-cgroup2"));
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    });

    private static JsonElement Process(int pid) =>
        Report.Value.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == pid);

    [Fact]
    public void Interval_is_the_difference_of_the_captures_uptime()
    {
        Assert.Equal(3.47, Report.Value.GetProperty("interval_sec").GetDouble(), 6);
        Assert.Equal(22.46, Report.Value.GetProperty("uptime_sec").GetDouble());
    }

    [Fact]
    public void Process_cpu_and_placement()
    {
        JsonElement burner = Process(159);

        Assert.Equal(95.1, burner.GetProperty("cpu_pct").GetDouble()); // 330 ticks / 100 Hz / 3.47 s
        Assert.Equal(48.7, Process(160).GetProperty("cpu_pct").GetDouble());
        Assert.Equal("/batch/job1", burner.GetProperty("cgroup").GetString());
        Assert.Equal("2-3", burner.GetProperty("cpus_allowed").GetString());
        Assert.Equal("1", burner.GetProperty("mems_allowed").GetString());
        Assert.Equal(5, burner.GetProperty("threads").GetInt32());
        Assert.Equal(291.16, burner.GetProperty("run_delay_pct").GetDouble());
    }

    [Fact]
    public void Hostile_comm_round_trips_exactly()
    {
        Assert.Equal("bad ) \u001b[31mname", Process(162).GetProperty("comm").GetString());
        Assert.Equal("Z", Process(169).GetProperty("state").GetString());
    }

    [Fact]
    public void Cpu_busy_from_proc_stat_and_from_the_tasks()
    {
        JsonElement total = Report.Value.GetProperty("cpu_total");

        Assert.Equal(19.87, total.GetProperty("busy_pct").GetDouble()); // 502 of 2527 ticks
        Assert.Equal(18.23, total.GetProperty("busy_pct_tasks").GetDouble()); // 506 ticks / 3.47 s / 8 CPUs
        Assert.Equal(8, Report.Value.GetProperty("cpus").GetArrayLength());
        Assert.Equal(47.16, Report.Value.GetProperty("cpus")[2].GetProperty("busy_pct").GetDouble());
        // A captured tree has no sched_switch program to read.
        Assert.Equal(JsonValueKind.Null, total.GetProperty("busy_pct_sched").ValueKind);
        Assert.All(Report.Value.GetProperty("cpus").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("busy_pct_sched").ValueKind));
    }

    [Fact]
    public void Gauges_come_from_the_newer_capture()
    {
        JsonElement json = Report.Value;

        Assert.Equal(1.54, json.GetProperty("load").GetProperty("avg1").GetDouble());
        Assert.Equal(130, json.GetProperty("load").GetProperty("total").GetInt32());
        Assert.Equal(4011256UL * 1024, json.GetProperty("memory").GetProperty("mem_total_bytes").GetUInt64());
        Assert.Equal(61.22, json.GetProperty("pressure").GetProperty("cpu").GetProperty("some_avg10").GetDouble());
    }

    [Fact]
    public void Pressure_stall_share_is_exact_from_the_totals()
    {
        JsonElement cpu = Report.Value.GetProperty("pressure").GetProperty("cpu");

        Assert.Equal(78.05, cpu.GetProperty("some_stall_pct").GetDouble()); // 2708313 µs of 3.47 s
        Assert.Equal(0.0, cpu.GetProperty("full_stall_pct").GetDouble());
    }

    [Fact]
    public void Pressure_is_present_when_all_zero()
    {
        JsonElement memory = Report.Value.GetProperty("pressure").GetProperty("memory");

        Assert.Equal(JsonValueKind.Object, memory.ValueKind);
        Assert.Equal(0.0, memory.GetProperty("some_avg10").GetDouble());
        Assert.Equal(0UL, memory.GetProperty("full_total_usec").GetUInt64());
        Assert.Equal(0.0, memory.GetProperty("some_stall_pct").GetDouble());
    }

    [Fact]
    public void A_single_capture_is_one_reading_with_counters_and_no_rates()
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--root", Fixtures.Dir("numa4-cgroup2/t0"), "-p", "159");

        Assert.True(code == 0, stderr);
        JsonElement json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("interval_sec").ValueKind);
        Assert.Equal(18.99, json.GetProperty("uptime_sec").GetDouble());
        JsonElement burner = json.GetProperty("processes").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, burner.GetProperty("cpu_pct").ValueKind);
        Assert.Equal(8356UL * 4096, burner.GetProperty("rss_bytes").GetUInt64());
        Assert.Equal(53.41, json.GetProperty("pressure").GetProperty("cpu").GetProperty("some_avg10").GetDouble());
    }
}
