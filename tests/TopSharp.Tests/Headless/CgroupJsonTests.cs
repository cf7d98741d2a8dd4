using System.Text.Json;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary>
/// <c>cgroups[]</c> of <c>--once --json --root</c> on both captures: values from their ANSWERS.md "cgroups";
/// t1 − t0 is 3.47 s (v2) and 3.95 s (v1).
/// </summary>
public class CgroupJsonTests
{
    private static readonly Lazy<JsonElement> Cgroup2 = new(() => Report("numa4-cgroup2"));
    private static readonly Lazy<JsonElement> Cgroup1 = new(() => Report("numa4-cgroup1"));

    private static JsonElement Report(string fixture)
    {
        (int code, string stdout, string stderr) = Run("--once", "--json", "--root", Fixtures.Dir(fixture));
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static JsonElement Group(JsonElement report, string hierarchy, string path) =>
        report.GetProperty("cgroups").EnumerateArray()
            .Single(c => c.GetProperty("hierarchy").GetString() == hierarchy && c.GetProperty("path").GetString() == path);

    [Fact]
    public void V2_every_cgroup_with_its_limits_cpusets_partitions_and_frozen_state()
    {
        JsonElement report = Cgroup2.Value;
        Assert.Equal(8, report.GetProperty("cgroups").GetArrayLength());

        JsonElement job1 = Group(report, "unified", "/batch/job1");
        Assert.Equal("job1", job1.GetProperty("name").GetString());
        Assert.Equal(89.25, job1.GetProperty("cpu_pct").GetDouble());
        Assert.Equal(8.93, job1.GetProperty("nr_throttled_per_sec").GetDouble());
        Assert.Equal(34328576UL, job1.GetProperty("memory_current_bytes").GetUInt64());
        Assert.Equal(268435456UL, job1.GetProperty("memory_max_bytes").GetUInt64());
        Assert.Equal(209715200UL, job1.GetProperty("memory_high_bytes").GetUInt64());
        Assert.Equal(JsonValueKind.Null, job1.GetProperty("pids_max").ValueKind);
        Assert.Equal(("2-3", "1", "root"), Cpuset(job1));
        Assert.Equal(78.62, job1.GetProperty("pressure").GetProperty("cpu").GetProperty("some_avg10").GetDouble());
        Assert.Equal(39.12, job1.GetProperty("pressure").GetProperty("cpu").GetProperty("full_avg10").GetDouble());
        // Δ some total (16664525 − 13577435 µs) over 3.47 s: exact, where avg10 decays.
        Assert.Equal(88.97, job1.GetProperty("pressure").GetProperty("cpu").GetProperty("some_stall_pct").GetDouble());

        JsonElement job2 = Group(report, "unified", "/batch/job2");
        Assert.Equal(45.0, job2.GetProperty("cpu_pct").GetDouble());
        Assert.Equal((4UL, 8UL), (job2.GetProperty("pids_current").GetUInt64(), job2.GetProperty("pids_max").GetUInt64()));
        Assert.Equal(("4-7", "2-3", "member"), Cpuset(job2));
        Assert.Equal(2, job2.GetProperty("nr_processes").GetInt32());

        Assert.Equal(("4-7", "1-3", "root"), Cpuset(Group(report, "unified", "/batch")));
        Assert.Equal(("0-1", "0-3", null), Cpuset(Group(report, "unified", "/")));
        Assert.True(Group(report, "unified", "/system.slice/cron.service").GetProperty("frozen").GetBoolean());
        Assert.False(Group(report, "unified", "/system.slice/db.service").GetProperty("frozen").GetBoolean());
        Assert.Equal(3, Group(report, "unified", "/system.slice/db.service").GetProperty("nr_processes").GetInt32());
        Assert.Equal(JsonValueKind.Null, Group(report, "unified", "/system.slice").GetProperty("memory_max_bytes").ValueKind);
        Assert.Equal(112, Group(report, "unified", "/").GetProperty("nr_processes").GetInt32());
    }

    [Fact]
    public void V1_each_hierarchy_with_its_own_placement()
    {
        JsonElement report = Cgroup1.Value;

        Assert.Equal(5 * 8 + 9, report.GetProperty("cgroups").GetArrayLength());
        Assert.Equal(94.21, Group(report, "cpu,cpuacct", "/batch/job1").GetProperty("cpu_pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, Group(report, "cpu,cpuacct", "/batch/job1").GetProperty("memory_current_bytes").ValueKind);
        Assert.Equal(0UL, Group(report, "memory", "/batch/job1").GetProperty("memory_current_bytes").GetUInt64());
        Assert.Equal(51937280UL, Group(report, "memory", "/batch").GetProperty("memory_current_bytes").GetUInt64());
        Assert.Equal(1073741824UL, Group(report, "memory", "/batch").GetProperty("memory_max_bytes").GetUInt64());
        Assert.Equal(JsonValueKind.Null, Group(report, "memory", "/").GetProperty("memory_max_bytes").ValueKind);
        Assert.Equal(("0-1", "0", null), Cpuset(Group(report, "cpuset", "/system.slice/web.service")));
        Assert.True(Group(report, "freezer", "/system.slice/cron.service").GetProperty("frozen").GetBoolean());
        Assert.Equal(16UL, Group(report, "pids", "/system.slice/web.service").GetProperty("pids_max").GetUInt64());
        Assert.Equal(JsonValueKind.Null, Group(report, "cpuset", "/").GetProperty("pressure").ValueKind);
        Assert.Equal(122, Group(report, "name=systemd", "/").GetProperty("nr_processes").GetInt32());
    }

    [Fact]
    public void V1_a_process_in_different_groups_per_hierarchy_and_the_zombie_at_the_root()
    {
        JsonElement burner = Process(Cgroup1.Value, 189), zombie = Process(Cgroup1.Value, 209);

        Assert.Equal("/batch/job1", burner.GetProperty("cgroup").GetString());
        Assert.Equal("1", burner.GetProperty("mems_allowed").GetString());
        Assert.Equal("/", zombie.GetProperty("cgroup").GetString());
        Assert.Equal("/system.slice/web.service", Process(Cgroup2.Value, 169).GetProperty("cgroup").GetString());
    }

    private static JsonElement Process(JsonElement report, int pid) =>
        report.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == pid);

    private static (string?, string?, string?) Cpuset(JsonElement c) => (
        c.GetProperty("cpuset_cpus_effective").GetString(), c.GetProperty("cpuset_mems_effective").GetString(), c.GetProperty("partition").GetString());
}
