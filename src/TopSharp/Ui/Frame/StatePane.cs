using R3;
using Terminal.Gui.ViewBase;

namespace TopSharp.Ui.Frame;

/// <summary>
/// A pane that draws its view model's latest <see cref="State"/>: it fills its place, redraws on the UI thread
/// whenever the state changes, and disposes the view model it owns with itself.
/// </summary>
public abstract class StatePane<TState> : View
{
    private readonly IDisposable _viewModel;
    private readonly ReadOnlyReactiveProperty<TState> _state;
    private readonly IDisposable _subscription;

    /// <param name="ui">Where state changes from the sampler's thread are posted (the main loop); null in headless tests.</param>
    protected StatePane(IDisposable viewModel, ReadOnlyReactiveProperty<TState> state, SynchronizationContext? ui)
    {
        _viewModel = viewModel;
        _state = state;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Observable<TState> changes = ui is null ? state.AsObservable() : state.ObserveOn(ui);
        _subscription = changes.Subscribe(_ => SetNeedsDraw());
    }

    protected TState State => _state.CurrentValue;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
            _viewModel.Dispose();
        }
        base.Dispose(disposing);
    }
}
