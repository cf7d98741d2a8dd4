using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Bpf.Opens;
using TopSharp.ViewModels.Opens;

namespace TopSharp.Ui.Opens;

/// <summary>
/// <c>o</c>: the opens view over the whole screen, modal. The BPF program is attached while it shows and
/// detached when it closes (Esc returns to the dashboard; q returns and quits).
/// </summary>
public sealed class OpensWindow : Window
{
    /// <summary>How often the ring buffer is drained into the list.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    private OpensWindow(OpensViewModel vm, SynchronizationContext ui)
    {
        BorderStyle = LineStyle.None;
        View = new OpensView(vm, ui) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        Add(View);
    }

    public OpensView View { get; }

    /// <summary>Set when q closed the view: the dashboard quits too.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>Traces <paramref name="scope"/> until the window closes; true when the user asked to quit (q).</summary>
    public static bool Show(IApplication app, SynchronizationContext ui, OpensScope scope, Func<OpensScope, IOpenEventSource> start, Action<OpensWindow>? shown = null)
    {
        using var vm = new OpensViewModel(start(scope), scope.Title, TimeProvider.System, Refresh);
        using var window = new OpensWindow(vm, ui);
        shown?.Invoke(window);
        app.Run(window);
        return window.QuitRequested;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (!KeyMap.Matches(key, Key.Q) && key != Key.F10) return false;
        QuitRequested = true;
        App?.RequestStop(this);
        return true;
    }
}
