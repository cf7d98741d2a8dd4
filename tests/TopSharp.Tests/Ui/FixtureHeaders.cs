using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;
using TopSharp.ViewModels.Header;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Tests.Ui;

/// <summary>The header state of a captured tree: its t0 and t1 snapshots read by the real sampler.</summary>
internal static class FixtureHeaders
{
    public static HeaderState Read(string fixture)
    {
        SystemSnapshot t0 = Snapshot(fixture, "t0"), t1 = Snapshot(fixture, "t1");
        return HeaderViewModel.Build(new Sample(t1, t0, SnapshotRates.Between(t0, t1)));
    }

    private static SystemSnapshot Snapshot(string fixture, string time)
    {
        using var sampler = new Sampler(new KernelRoot(Path.Combine(Fixtures.Dir(fixture), time)));
        return sampler.Sample(ProcessFiles.None);
    }
}
