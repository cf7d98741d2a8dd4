using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class KeyValueLinesTests
{
    [Fact]
    public void Space_and_colon_forms()
    {
        var lines = new KeyValueLines("usage_usec 4496000\n\nrchar: 816\ncpu  1 2 3 \n"u8);
        var got = new List<(string, string, int)>();
        while (lines.MoveNext())
            got.Add((Encoding.UTF8.GetString(lines.Key), Encoding.UTF8.GetString(lines.Value), lines.LineNumber));
        Assert.Equal([("usage_usec", "4496000", 1), ("rchar", "816", 3), ("cpu", "1 2 3", 4)], got);
    }

    [Fact]
    public void Value_as_number()
    {
        var lines = new KeyValueLines("a 5\nb x\n"u8);
        Assert.True(lines.MoveNext() && lines.TryValueUInt64(out ulong v) && v == 5);
        Assert.True(lines.MoveNext());
        Assert.False(lines.TryValueUInt64(out _));
    }
}
