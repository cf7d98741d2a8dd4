using System.Text.Json;
using TopSharp.Cli;
using TopSharp.Core.Cpu;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Headless;
using Xunit;
using static TopSharp.Testing.Snapshots;

namespace TopSharp.Tests.Headless;

/// <summary>The JSON document built from hand-made snapshots: names, nulls and escaping.</summary>
public class ReportJsonTests
{
    private const string EvilComm = "bad ) \u001b[31mname";

    private static JsonElement Json(SystemSnapshot older, SystemSnapshot newer, CommandLineOptions? options = null)
    {
        Report report = ReportBuilder.Build(options ?? new CommandLineOptions(), older, newer, SnapshotRates.Between(older, newer));
        return JsonDocument.Parse(JsonSerializer.Serialize(report, ReportJsonContext.Readable.Report)).RootElement;
    }

    private static (SystemSnapshot, SystemSnapshot) TwoReadings()
    {
        ProcessSample evil = Process(162, 0, starttime: 50) with { Comm = EvilComm, Cmdline = "evil \"quoted\" ü" };
        ProcessSample burner = Process(159, 100, starttime: 60, status: true) with
        {
            Cgroup = new PidCgroup([new CgroupMembership(0, "", "/batch/job1")]),
            SchedStat = new SchedStat(0, 0, 0),
        };
        SystemSnapshot older = At(10, [evil, burner], Times(0, 0, 0), Times(0, 0, 0));
        SystemSnapshot newer = At(12, [evil, burner with { Stat = burner.Stat with { Utime = 290 }, SchedStat = new SchedStat(0, 500_000_000, 0) }],
            Times(150, 0, 50), Times(50, 0, 150)) with
        {
            Pressure = new Pressure(new PressureResource(new PressureLine(53.41, 13.68, 3.05, 10817583), new PressureLine(0, 0, 0, 0)), null, null),
            MemInfo = new MemInfo([
                new MemInfoField("MemTotal", 4011256UL * 1024, true), new MemInfoField("SReclaimable", 1024, true),
                new MemInfoField("Active(anon)", 2048, true), new MemInfoField("Committed_AS", 4096, true),
                new MemInfoField("HugePages_Total", 0, false), new MemInfoField("DirectMap4k", 8192, true)]),
            LoadAvg = new LoadAvg(1.54, 0.34, 0.11, 1, 130, 210),
            UserNames = new Dictionary<int, string> { [0] = "root" },
        };
        return (older, newer);
    }

    [Fact]
    public void Sections_and_rates_use_snake_case_with_unit_suffixes()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();
        JsonElement json = Json(older, newer);

        Assert.Equal(2.0, json.GetProperty("interval_sec").GetDouble());
        Assert.Equal(50.0, json.GetProperty("cpu_total").GetProperty("busy_pct").GetDouble());
        Assert.Equal(47.5, json.GetProperty("cpu_total").GetProperty("busy_pct_tasks").GetDouble()); // 190 ticks / 2 s / 2 CPUs
        Assert.Equal(75.0, json.GetProperty("cpus")[0].GetProperty("user_pct").GetDouble());
        Assert.Equal(1, json.GetProperty("cpus")[1].GetProperty("cpu").GetInt32());
        Assert.Equal(130, json.GetProperty("load").GetProperty("total").GetInt32());

        JsonElement burner = json.GetProperty("processes")[0];
        Assert.Equal(159, burner.GetProperty("pid").GetInt32());
        Assert.Equal(95.0, burner.GetProperty("cpu_pct").GetDouble());
        Assert.Equal(25.0, burner.GetProperty("run_delay_pct").GetDouble());
        Assert.Equal("/batch/job1", burner.GetProperty("cgroup").GetString());
        Assert.Equal("0-1", burner.GetProperty("cpus_allowed").GetString());
        Assert.Equal("root", burner.GetProperty("user").GetString());
    }

    [Fact]
    public void Meminfo_keys_are_the_kernel_keys_in_snake_case_with_bytes_for_sizes()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();
        JsonElement memory = Json(older, newer).GetProperty("memory");

        Assert.Equal(
            ["mem_total_bytes", "s_reclaimable_bytes", "active_anon_bytes", "committed_as_bytes", "huge_pages_total", "direct_map4k_bytes"],
            memory.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4011256UL * 1024, memory.GetProperty("mem_total_bytes").GetUInt64());
    }

    [Fact]
    public void Pressure_is_present_when_zero_and_null_when_the_kernel_has_none()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();
        JsonElement pressure = Json(older, newer).GetProperty("pressure");

        Assert.Equal(53.41, pressure.GetProperty("cpu").GetProperty("some_avg10").GetDouble());
        Assert.Equal(10817583UL, pressure.GetProperty("cpu").GetProperty("some_total_usec").GetUInt64());
        Assert.Equal(0.0, pressure.GetProperty("cpu").GetProperty("full_avg10").GetDouble());
        Assert.Equal(JsonValueKind.Null, pressure.GetProperty("cpu").GetProperty("some_stall_pct").ValueKind); // no older reading
        Assert.Equal(JsonValueKind.Null, pressure.GetProperty("memory").ValueKind);
    }

    [Fact]
    public void Untrusted_strings_round_trip_exactly_with_control_characters_escaped()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();
        Report report = ReportBuilder.Build(new CommandLineOptions(), older, newer, SnapshotRates.Between(older, newer));
        string text = JsonSerializer.Serialize(report, ReportJsonContext.Readable.Report);

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains(@"bad ) \u001B[31mname", text);
        JsonElement evil = JsonDocument.Parse(text).RootElement.GetProperty("processes")[1];
        Assert.Equal(EvilComm, evil.GetProperty("comm").GetString());
        Assert.Equal("evil \"quoted\" ü", evil.GetProperty("cmdline").GetString());
    }

    [Fact]
    public void Files_not_read_and_rates_not_known_are_null()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();
        JsonElement evil = Json(older, newer).GetProperty("processes")[1];

        Assert.Equal(0.0, evil.GetProperty("cpu_pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, evil.GetProperty("run_delay_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, evil.GetProperty("cgroup").ValueKind);
        Assert.Equal(JsonValueKind.Null, evil.GetProperty("read_bytes_per_sec").ValueKind);
    }

    [Fact]
    public void One_reading_has_no_interval_and_no_rates()
    {
        (_, SystemSnapshot newer) = TwoReadings();
        JsonElement json = Json(newer, newer);

        Assert.Equal(JsonValueKind.Null, json.GetProperty("interval_sec").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("cpu_total").GetProperty("busy_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("cpus")[0].GetProperty("busy_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("processes")[0].GetProperty("cpu_pct").ValueKind);
    }

    [Fact]
    public void Pid_and_user_options_select_processes()
    {
        (SystemSnapshot older, SystemSnapshot newer) = TwoReadings();

        Assert.Equal([162], Pids(Json(older, newer, new CommandLineOptions { Pids = [162, 999] })));
        Assert.Equal([159, 162], Pids(Json(older, newer, new CommandLineOptions { User = "root" })));
        Assert.Equal([159, 162], Pids(Json(older, newer, new CommandLineOptions { User = "0" })));
        Assert.Empty(Pids(Json(older, newer, new CommandLineOptions { User = "nobody" })));
    }

    private static IEnumerable<int> Pids(JsonElement json) =>
        json.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("pid").GetInt32());
}
