using System.Text;
using TopSharp.Core.Text;
using Xunit;

namespace TopSharp.Core.Tests.Text;

public class CpuListTests
{
    [Theory]
    [InlineData("0-1,4,6-7\n", new[] { 0, 1, 4, 6, 7 }, "0-1,4,6-7")]
    [InlineData("0", new[] { 0 }, "0")]
    [InlineData("\n", new int[0], "")]
    [InlineData("", new int[0], "")]
    [InlineData("3,1,2,1", new[] { 1, 2, 3 }, "1-3")]
    [InlineData("0-3,5", new[] { 0, 1, 2, 3, 5 }, "0-3,5")]
    public void Parses_and_prints_the_kernel_list_format(string text, int[] ids, string printed)
    {
        Assert.True(CpuList.TryParse(Encoding.ASCII.GetBytes(text), out CpuList list));
        Assert.Equal(ids, list.Ids);
        Assert.Equal(printed, list.ToString());
        Assert.Equal(CpuList.Of(ids), list);
    }

    [Theory]
    [InlineData("0-")]
    [InlineData("a")]
    [InlineData("3-1")]
    [InlineData("0,,1")]
    [InlineData("-1")]
    [InlineData("0-4294967295")]
    [InlineData("0-65536")]
    [InlineData("0-7:2")]
    public void Refuses_what_is_not_a_list(string text) =>
        Assert.False(CpuList.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Contains_finds_members_only()
    {
        Assert.True(CpuList.TryParse("2-3,6"u8, out CpuList list));
        Assert.True(list.Contains(3));
        Assert.True(list.Contains(6));
        Assert.False(list.Contains(4));
        Assert.Equal(3, list.Count);
    }
}
