using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class KeyEqualsValueFieldsTests
{
    [Fact]
    public void Pairs_and_skipped_plain_fields()
    {
        var fields = new KeyEqualsValueFields("some avg10=53.41 total=10817583 x= =y"u8);
        var got = new List<(string, string)>();
        while (fields.MoveNext()) got.Add((Encoding.UTF8.GetString(fields.Key), Encoding.UTF8.GetString(fields.Value)));
        Assert.Equal([("avg10", "53.41"), ("total", "10817583"), ("x", ""), ("", "y")], got);
    }
}
