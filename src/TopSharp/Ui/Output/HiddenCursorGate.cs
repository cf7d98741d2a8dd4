using Terminal.Gui.App;

namespace TopSharp.Ui.Output;

/// <summary>
/// Terminal.Gui 2.5.0 sets the terminal cursor on every main-loop iteration (25 a second), and hiding it
/// writes <c>ESC[?25l ESC[1;1H</c> each time: about 300 bytes a second while nothing changes. Once the
/// cursor is hidden and the focused view wants none, this tells the driver at the start of each iteration
/// that the cursor needs no update. A view that shows a cursor (a dialog's text field) asks for the update
/// itself, and the gate stays open while its cursor is visible.
/// </summary>
public sealed class HiddenCursorGate : IDisposable
{
    private readonly IApplication _app;

    public HiddenCursorGate(IApplication app)
    {
        _app = app;
        _app.Iteration += OnIteration;
    }

    private void OnIteration(object? sender, EventArgs e)
    {
        if (_app.Driver is not { } driver || driver.GetCursor().IsVisible) return;
        if (_app.TopRunnableView?.MostFocused is { Cursor.IsVisible: true }) return;
        driver.SetCursorNeedsUpdate(false);
    }

    public void Dispose() => _app.Iteration -= OnIteration;
}
