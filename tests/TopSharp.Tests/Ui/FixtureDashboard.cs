using Microsoft.Extensions.Time.Testing;
using TopSharp.Core;
using TopSharp.Core.Processes;
using TopSharp.Testing;
using TopSharp.Ui;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Config;

namespace TopSharp.Tests.Ui;

/// <summary>
/// The dashboard's view models over a captured tree (t0 and t1 read by the real sampler, as
/// <c>--root</c> does), with config.json in a temporary directory.
/// </summary>
internal sealed class FixtureDashboard : IDisposable
{
    private readonly string _configDir = Directory.CreateTempSubdirectory("topsharp-ui-config-").FullName;

    public FixtureDashboard(string fixture = "numa4-cgroup2")
    {
        var store = new ConfigStore(_configDir);
        Vm = new DashboardViewModel(SamplerLoops.For(new KernelRoot(Fixtures.Dir(fixture)), TimeSpan.FromSeconds(1), Time),
            store, store.Load(), Time, ProcessControl.Instance, Panes.Ids);
        Vm.Start();
    }

    public FakeTimeProvider Time { get; } = new();
    public DashboardViewModel Vm { get; }

    public void Dispose()
    {
        Vm.Dispose();
        Directory.Delete(_configDir, recursive: true);
    }
}
