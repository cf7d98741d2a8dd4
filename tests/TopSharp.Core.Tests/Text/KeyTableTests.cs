using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class KeyTableTests
{
    private static readonly string[] Keys = ["rchar", "wchar", "extra"];

    [Theory]
    [InlineData("rchar", 0)]
    [InlineData("extra", 2)]
    [InlineData("rcha", -1)]
    [InlineData("RCHAR", -1)]
    [InlineData("", -1)]
    public void Index_of_a_key(string key, int index) =>
        Assert.Equal(index, KeyTable.IndexOf(Keys, Encoding.UTF8.GetBytes(key)));

    [Theory]
    [InlineData(0b000u, "missing rchar, wchar")]
    [InlineData(0b101u, "missing wchar")]
    [InlineData(0b011u, null)]
    public void Names_missing_required_keys(uint seen, string? missing) =>
        Assert.Equal(missing, KeyTable.Missing(Keys, 2, seen));
}
