using Microsoft.Extensions.Time.Testing;
using R3;
using TopSharp.Core;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Status;
using Xunit;
using static TopSharp.ViewModels.Tests.Support.Snapshots;

namespace TopSharp.ViewModels.Tests.Status;

public sealed class StatusViewModelTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Subject<Sample> _samples = new();

    private void Push(params ParseDiagnostic[] diagnostics) =>
        _samples.OnNext(new Sample(Snap(1, [Proc(1)], diagnostics), null, null));

    [Fact]
    public void A_provider_error_shows_until_a_sample_without_it()
    {
        using var vm = new StatusViewModel(_samples, _time);
        Push(new ParseDiagnostic("meminfo", "/proc/meminfo", 12, "unparsable: MemTotal: x kB"),
             new ParseDiagnostic("pressure", "/proc/pressure/io", 0, "missing"));
        Assert.Equal(new StatusState("meminfo: line 12: unparsable: MemTotal: x kB (+1 more)", StatusLevel.Warning), vm.State.CurrentValue);
        Push();
        Assert.Equal(StatusState.Empty, vm.State.CurrentValue);
    }

    [Fact]
    public void A_message_shows_for_five_seconds_then_the_diagnostics_return()
    {
        using var vm = new StatusViewModel(_samples, _time);
        Push(new ParseDiagnostic("loadavg", "/proc/loadavg", 1, "too few fields"));
        vm.Post("sent SIGTERM to 42");
        Assert.Equal("sent SIGTERM to 42", vm.State.CurrentValue.Text);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal("sent SIGTERM to 42", vm.State.CurrentValue.Text);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("loadavg: line 1: too few fields", vm.State.CurrentValue.Text);
    }

    [Fact]
    public void Messages_are_escaped()
    {
        using var vm = new StatusViewModel(_samples, _time);
        vm.Post("kill \x1b]0;pwned\x07");
        Assert.Equal("kill \\e]0;pwned\\x07", vm.State.CurrentValue.Text);
    }
}
