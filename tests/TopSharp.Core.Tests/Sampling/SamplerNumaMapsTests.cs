using TopSharp.Core.Numa;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using Xunit;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>numa_maps is read for the PIDs a request names, and only with <see cref="ProcessFiles.NumaMaps"/>.</summary>
public sealed class SamplerNumaMapsTests
{
    private const ulong KiB = 1024;

    [Fact]
    public void Only_the_named_processes_have_their_numa_maps_read()
    {
        using var sampler = new Sampler(FixtureRoots.Cgroup2T0);
        // 99999 is no process; 1 is one without numa_maps in the fixture (unreadable): both left out.
        SystemSnapshot s = sampler.Sample(new SampleRequest(ProcessFiles.NumaMaps, new HashSet<int> { 157, 169, 1, 99999 }));

        Assert.Equal([157, 169], s.NumaMaps.Keys.Order());
        NumaMaps numahog = s.NumaMaps[157];   // ANSWERS.md: N0=16444 N1=221184 N2=16388 N3=49864 kB
        Assert.Equal([16444 * KiB, 221184 * KiB, 16388 * KiB, 49864 * KiB], numahog.BytesByNode.Select(n => n.Bytes));
        Assert.Same(NumaMaps.Empty, s.NumaMaps[169]);   // the zombie: an empty file
    }

    [Fact]
    public void Without_the_flag_or_the_pids_nothing_is_read()
    {
        using var sampler = new Sampler(FixtureRoots.Cgroup2T0);
        Assert.Empty(sampler.Sample(new SampleRequest(ProcessFiles.Status, new HashSet<int> { 157 })).NumaMaps);
        Assert.Empty(sampler.Sample(ProcessFiles.NumaMaps).NumaMaps);
    }
}
