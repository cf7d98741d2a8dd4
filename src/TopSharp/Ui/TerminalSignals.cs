using System.Runtime.InteropServices;
using Terminal.Gui.App;

namespace TopSharp.Ui;

/// <summary>
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT stop the dashboard the same way <c>q</c> does: the handler
/// cancels the default (immediate exit, which would leave the terminal in raw mode on the alternate
/// screen) and queues <paramref name="stop"/> on the UI thread; Run then returns and disposing the
/// application restores the terminal.
/// </summary>
public sealed class TerminalSignals(IApplication app, Action stop) : IDisposable
{
    private static readonly PosixSignal[] Handled = [PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT];

    private readonly PosixSignalRegistration[] _registrations =
        Handled.Select(s => PosixSignalRegistration.Create(s, context =>
        {
            context.Cancel = true;
            app.AddTimeout(TimeSpan.Zero, () =>
            {
                stop();
                return false;
            });
        })).ToArray();

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations) r.Dispose();
    }
}
