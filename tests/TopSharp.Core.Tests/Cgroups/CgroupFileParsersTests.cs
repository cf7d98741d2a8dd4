using System.Text;
using TopSharp.Core.Cgroups;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

/// <summary>cpu.stat (v1 and v2), io.stat, cgroup.events and the one-value files, including bad input.</summary>
public class CgroupFileParsersTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void V2_cpu_stat_keeps_usage_and_throttling_and_ignores_unknown_keys()
    {
        Assert.True(CpuStatReader.TryParse("usage_usec 13655681\nuser_usec 1\nnr_periods 139\nnr_throttled 135\nthrottled_usec 12716971\nnew_key 9\n"u8, out CpuStat s));
        Assert.Equal(new CpuStat(13655681, 139, 135, 12716971), s);
    }

    [Fact]
    public void V1_cpu_stat_throttled_time_is_nanoseconds_and_has_no_usage()
    {
        Assert.True(CpuStatReader.TryParse("nr_periods 135\nnr_throttled 131\nthrottled_time 12276908043\nnr_bursts 0\n"u8, out CpuStat s));
        Assert.Equal(new CpuStat(null, 135, 131, 12276908), s);
    }

    [Fact]
    public void V2_cpu_stat_without_the_cpu_controller_has_zero_throttling()
    {
        Assert.True(CpuStatReader.TryParse("usage_usec 5\nuser_usec 3\nsystem_usec 2\n"u8, out CpuStat s));
        Assert.Equal(new CpuStat(5, 0, 0, 0), s);
    }

    [Theory]
    [InlineData("usage_usec 12x\n", 1, "usage_usec unparsable: '12x'")]
    [InlineData("user_usec 1\n", 0, "no usage_usec, nr_periods or nr_throttled")]
    [InlineData("", 0, "no usage_usec, nr_periods or nr_throttled")]
    public void Bad_cpu_stat_is_reported(string text, int line, string reason)
    {
        Assert.False(CpuStatReader.TryParse(Encoding.UTF8.GetBytes(text), out _, _diagnostics, "p"));
        Assert.Equal(new ParseDiagnostic("cpu.stat", "p", line, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Io_stat_sums_devices_and_an_empty_file_is_zero()
    {
        Assert.True(IoStatReader.TryParse("8:16 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n253:0 rbytes=1 wbytes=2 rios=3 wios=4\n"u8, out IoStat s));
        Assert.Equal(new IoStat(101, 202, 4, 6), s);
        Assert.True(IoStatReader.TryParse(""u8, out IoStat empty));
        Assert.Equal(default, empty);
        Assert.False(IoStatReader.TryParse("8:0 rbytes=-1\n"u8, out _, _diagnostics, "p"));
        Assert.Equal("rbytes unparsable: '-1'", Assert.Single(_diagnostics).Reason);
    }

    [Theory]
    [InlineData("populated 1\nfrozen 1\n", true, true)]
    [InlineData("populated 1\nfrozen 0\n", true, false)]
    [InlineData("populated 1\n", false, false)]
    public void Cgroup_events_frozen(string text, bool found, bool frozen)
    {
        Assert.Equal(found, CgroupEventsReader.TryParseFrozen(Encoding.UTF8.GetBytes(text), out bool value));
        Assert.Equal(frozen, value);
    }

    [Theory]
    [InlineData("max\n", true, ulong.MaxValue)]
    [InlineData("268435456\n", true, 268435456UL)]
    [InlineData("9223372036854771712\n", true, 9223372036854771712UL)]
    [InlineData("-1\n", false, 0UL)]
    [InlineData("", false, 0UL)]
    public void Limits_are_a_number_or_max(string text, bool ok, ulong value)
    {
        Assert.Equal(ok, CgroupValue.TryParseLimit(Encoding.UTF8.GetBytes(text), out ulong parsed));
        if (ok) Assert.Equal(value, parsed);
    }

    [Fact]
    public void Unlimited_covers_max_and_the_v1_page_rounded_long_max()
    {
        Assert.True(CgroupValue.IsUnlimited(CgroupValue.Max));
        Assert.True(CgroupValue.IsUnlimited(9223372036854771712));
        Assert.False(CgroupValue.IsUnlimited(1UL << 40));
    }

    [Fact]
    public void Procs_are_counted_by_line_and_words_lose_their_newline()
    {
        Assert.Equal(3, CgroupValue.CountLines("157\n158\n184\n"u8));
        Assert.Equal(0, CgroupValue.CountLines(""u8));
        Assert.Equal("root invalid (Parent is not a partition root)", CgroupValue.Word("root invalid (Parent is not a partition root)\n"u8));
    }
}
