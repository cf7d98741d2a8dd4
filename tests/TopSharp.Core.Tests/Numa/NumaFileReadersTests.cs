using System.Text;
using TopSharp.Core.Memory;
using TopSharp.Core.Numa;
using Xunit;

namespace TopSharp.Core.Tests.Numa;

/// <summary>The one-file parsers of a node directory: numastat, meminfo, distance.</summary>
public class NumaFileReadersTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Numastat_ignores_unknown_keys()
    {
        Assert.True(NumaStatReader.TryParse("numa_hit 5\nnuma_miss 4\nnuma_foreign 3\ninterleave_hit 2\nlocal_node 1\nother_node 7\nfuture 9\n"u8, out NumaStat s, _diagnostics));
        Assert.Equal(new NumaStat(5, 4, 3, 2, 1, 7), s);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("numa_hit 5\nnuma_miss 4\n", 0, "missing numa_foreign, interleave_hit, local_node, other_node")]
    [InlineData("numa_hit x\n", 1, "numa_hit unparsable: 'x'")]
    [InlineData("", 0, "missing numa_hit, numa_miss, numa_foreign, interleave_hit, local_node, other_node")]
    public void Numastat_truncated_or_bad_fails_with_the_reason(string text, int line, string reason)
    {
        Assert.False(NumaStatReader.TryParse(Encoding.ASCII.GetBytes(text), out _, _diagnostics, "node0/numastat"));
        Assert.Equal(new ParseDiagnostic(NumaStatReader.Source, "node0/numastat", line, reason), Assert.Single(_diagnostics));
    }

    [Fact]
    public void Node_meminfo_drops_the_node_prefix()
    {
        Assert.True(NodeMemInfoReader.TryParse("Node 2 MemTotal:  100 kB\nNode 2 MemFree:    40 kB\nNode 2 HugePages_Total:     3\n"u8, 2, out MemInfo? m, _diagnostics));
        Assert.Equal(
            [new MemInfoField("MemTotal", 100 * 1024, true), new MemInfoField("MemFree", 40 * 1024, true), new MemInfoField("HugePages_Total", 3, false)],
            m.Fields);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("Node 2 MemTotal: 1 kB\nNode 2 MemFree: 1 kB\nNode 3 Shmem: 1 kB\n", 3)]
    [InlineData("Node 2 MemTotal: 1 kB\nMemFree: 1 kB\nNode 2 MemFree: 1 kB\n", 2)]
    [InlineData("Node 2 MemTotal: 1 kB\nNode 2 MemFree: 1 kB\nNode 2: 1 kB\n", 3)]
    public void Node_meminfo_line_of_another_node_or_without_prefix_is_reported(string text, int line)
    {
        Assert.True(NodeMemInfoReader.TryParse(Encoding.ASCII.GetBytes(text), 2, out MemInfo? m, _diagnostics, "node2/meminfo"));
        Assert.Equal(["MemTotal", "MemFree"], m.Fields.Select(f => f.Name));
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((NodeMemInfoReader.Source, line), (d.Source, d.Line));
    }

    [Fact]
    public void Node_meminfo_without_MemFree_fails()
    {
        Assert.False(NodeMemInfoReader.TryParse("Node 0 MemTotal: 1 kB\n"u8, 0, out _, _diagnostics, "p"));
        Assert.Equal(new ParseDiagnostic(NodeMemInfoReader.Source, "p", 0, "missing MemFree"), Assert.Single(_diagnostics));
    }

    [Theory]
    [InlineData("40 32 20 10\n", new[] { 40, 32, 20, 10 })]
    [InlineData("10", new[] { 10 })]
    public void Distance_row(string text, int[] row)
    {
        Assert.True(NodeDistanceReader.TryParse(Encoding.ASCII.GetBytes(text), out IReadOnlyList<int>? value, _diagnostics));
        Assert.Equal(row, value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("10 x\n", "distance unparsable: 'x'")]
    [InlineData("10 -1\n", "distance unparsable: '-1'")]
    public void Distance_bad_row_fails(string text, string reason)
    {
        Assert.False(NodeDistanceReader.TryParse(Encoding.ASCII.GetBytes(text), out _, _diagnostics, "d"));
        Assert.Equal(reason, Assert.Single(_diagnostics).Reason);
    }
}
