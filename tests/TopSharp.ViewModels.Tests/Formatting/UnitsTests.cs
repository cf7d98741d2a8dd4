using TopSharp.ViewModels.Formatting;
using Xunit;

namespace TopSharp.ViewModels.Tests.Formatting;

public sealed class UnitsTests
{
    [Theory]
    [InlineData(0UL, "0")]
    [InlineData(65432UL * 1024, "65432")]
    [InlineData(100_000UL * 1024, "97M")]
    [InlineData(2316UL << 20, "2316M")]
    [InlineData(17_920UL << 20, "17.5G")]
    [InlineData(512UL << 30, "512G")]
    [InlineData(10UL << 40, "10.0T")]
    public void Memory_columns_use_htops_unit_ladder(ulong bytes, string expected) => Assert.Equal(expected, Units.Memory(bytes));

    [Theory]
    [InlineData(0UL, "0:00.00")]
    [InlineData(123UL, "0:01.23")]
    [InlineData(359_999UL, "59:59.99")]
    [InlineData(360_000UL, "1h00:00")]
    [InlineData(752_000UL, "2h05:20")]
    [InlineData(360_000UL * 123, "123h")]
    public void Time_plus_is_minutes_seconds_centiseconds(ulong ticks, string expected) => Assert.Equal(expected, Units.CpuTime(ticks, 100));

    [Theory]
    [InlineData(0.04, "0.0")]
    [InlineData(12.345, "12.3")]
    [InlineData(150, "150.0")]
    public void Percent_has_one_decimal(double pct, string expected) => Assert.Equal(expected, Units.Percent(pct));

    [Theory]
    [InlineData(512UL * 1024, "512K")]
    [InlineData(3UL << 30, "3.00G")]
    [InlineData(15UL << 30, "15.0G")]
    public void Bytes_for_bars(ulong bytes, string expected) => Assert.Equal(expected, Units.Bytes(bytes));

    [Fact]
    public void Uptime_counts_days()
    {
        Assert.Equal("00:00:10", Units.Uptime(TimeSpan.FromSeconds(10)));
        Assert.Equal("1 day, 01:00:00", Units.Uptime(TimeSpan.FromHours(25)));
    }
}
