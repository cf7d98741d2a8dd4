using Terminal.Gui.App;

namespace TopSharp.Ui;

/// <summary>
/// Posts work onto the Terminal.Gui main loop, for R3's <c>ObserveOn</c>: the view models publish on the
/// sampler's thread, views change only on the UI thread. Always queues (a timeout of zero), because
/// <c>app.Invoke</c> runs inline on the UI thread and would reorder work.
/// </summary>
public sealed class UiSynchronizationContext(IApplication app) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) =>
        app.AddTimeout(TimeSpan.Zero, () =>
        {
            d(state);
            return false;
        });

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (app.MainThreadId == Environment.CurrentManagedThreadId)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        app.Invoke(() =>
        {
            try { d(state); }
            finally { done.Set(); }
        });
        done.Wait();
    }

    public override SynchronizationContext CreateCopy() => this;
}
