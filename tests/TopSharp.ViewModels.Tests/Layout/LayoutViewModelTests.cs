using R3;
using TopSharp.ViewModels.Layout;
using Xunit;

namespace TopSharp.ViewModels.Tests.Layout;

public sealed class LayoutViewModelTests
{
    private static readonly PaneId[] ThreePanes = [PaneId.Processes, PaneId.Numa, PaneId.Cgroups];

    [Fact]
    public void Number_keys_and_tabs_switch_the_active_pane()
    {
        using var vm = new LayoutViewModel(ThreePanes, LayoutSettings.Default);
        Assert.Equal(PaneId.Processes, vm.State.CurrentValue.Active);
        vm.ShowNumber(3);
        Assert.Equal(PaneId.Cgroups, vm.State.CurrentValue.Active);
        vm.ShowNumber(9);
        Assert.Equal(PaneId.Cgroups, vm.State.CurrentValue.Active);
        vm.NextPane();
        Assert.Equal(PaneId.Processes, vm.State.CurrentValue.Active);
        vm.NextPane(-1);
        Assert.Equal(PaneId.Cgroups, vm.State.CurrentValue.Active);
        Assert.Equal(2, vm.State.CurrentValue.NumberOf(PaneId.Numa));
    }

    [Fact]
    public void A_split_shows_two_panes_and_the_focus_moves_between_them()
    {
        using var vm = new LayoutViewModel(ThreePanes, LayoutSettings.Default);
        vm.CycleSplit();
        LayoutState s = vm.State.CurrentValue;
        Assert.Equal(SplitMode.Vertical, s.Split);
        Assert.Equal((PaneId.Processes, PaneId.Numa), (s.Primary, s.Secondary));

        vm.FocusOther();
        vm.ShowNumber(3);
        s = vm.State.CurrentValue;
        Assert.Equal((PaneId.Processes, PaneId.Cgroups, PaneId.Cgroups), (s.Primary, s.Secondary, s.Active));

        vm.Show(PaneId.Processes);   // already in the other half: the two swap
        s = vm.State.CurrentValue;
        Assert.Equal((PaneId.Cgroups, PaneId.Processes), (s.Primary, s.Secondary));

        vm.CycleSplit();
        Assert.Equal(SplitMode.Horizontal, vm.State.CurrentValue.Split);
        vm.CycleSplit();
        Assert.Equal(SplitMode.Single, vm.State.CurrentValue.Split);
        Assert.Equal(PaneId.Cgroups, vm.State.CurrentValue.Active);
    }

    [Fact]
    public void The_split_ratio_stays_within_bounds()
    {
        using var vm = new LayoutViewModel(ThreePanes, LayoutSettings.Default with { SplitRatio = 5 });
        Assert.Equal(LayoutViewModel.MaxRatio, vm.State.CurrentValue.SplitRatio);
        vm.ResizeSplit(-0.05);
        Assert.Equal(0.75, vm.State.CurrentValue.SplitRatio, 6);
        vm.SetSplitRatio(double.NaN);
        Assert.Equal(0.5, vm.State.CurrentValue.SplitRatio);
        vm.SetSplitRatio(0);
        Assert.Equal(LayoutViewModel.MinRatio, vm.State.CurrentValue.SplitRatio);
    }

    [Fact]
    public void A_split_with_one_pane_is_refused_with_a_message()
    {
        using var vm = new LayoutViewModel([PaneId.Processes], LayoutSettings.Default with { Split = SplitMode.Vertical });
        Assert.Equal(SplitMode.Single, vm.State.CurrentValue.Split);
        var messages = new List<string>();
        using IDisposable _ = vm.Messages.Subscribe(messages.Add);
        vm.SetSplit(SplitMode.Horizontal);
        Assert.Equal(SplitMode.Single, vm.State.CurrentValue.Split);
        Assert.Equal(["a split needs two panes"], messages);
    }

    [Fact]
    public void Settings_round_trip_through_the_view_model()
    {
        var settings = new LayoutSettings { Primary = PaneId.Numa, Secondary = PaneId.Processes, Split = SplitMode.Horizontal, SplitRatio = 0.3 };
        using var vm = new LayoutViewModel(ThreePanes, settings);
        Assert.Equal(settings, vm.Settings);
    }
}
