using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class NumberTests
{
    [Theory]
    [InlineData("0", true, 0UL)]
    [InlineData("18446744073709551615", true, ulong.MaxValue)]
    [InlineData("18446744073709551616", false, 0UL)]
    [InlineData("12x", false, 0UL)]
    [InlineData(" 12", false, 0UL)]
    [InlineData("-1", false, 0UL)]
    [InlineData("", false, 0UL)]
    public void UInt64_is_the_whole_span(string text, bool ok, ulong value)
    {
        Assert.Equal(ok, Number.TryParseUInt64(Encoding.UTF8.GetBytes(text), out ulong v));
        if (ok) Assert.Equal(value, v);
    }

    [Theory]
    [InlineData("-1", true, -1)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("1.0", false, 0)]
    public void Int32_is_the_whole_span(string text, bool ok, int value)
    {
        Assert.Equal(ok, Number.TryParseInt32(Encoding.UTF8.GetBytes(text), out int v));
        if (ok) Assert.Equal(value, v);
    }

    [Theory]
    [InlineData("4294967295", true, uint.MaxValue)]
    [InlineData("-1", false, 0U)]
    public void UInt32_is_the_whole_span(string text, bool ok, uint value)
    {
        Assert.Equal(ok, Number.TryParseUInt32(Encoding.UTF8.GetBytes(text), out uint v));
        if (ok) Assert.Equal(value, v);
    }

    [Theory]
    [InlineData("53.41", true, 53.41)]
    [InlineData("0.00", true, 0.0)]
    [InlineData("1,5", false, 0.0)]
    [InlineData("1.5x", false, 0.0)]
    public void Double_is_the_whole_span_in_the_invariant_format(string text, bool ok, double value)
    {
        Assert.Equal(ok, Number.TryParseDouble(Encoding.UTF8.GetBytes(text), out double v));
        if (ok) Assert.Equal(value, v);
    }
}
