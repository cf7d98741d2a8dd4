using System.Runtime.CompilerServices;
using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace TopSharp.Ui.Output;

/// <summary>
/// Terminal.Gui's ANSI output with frames from <see cref="FrameEncoder"/>, each sent in one write(2):
/// the stock output writes each cursor move and each run of cells with a system call of its own.
/// </summary>
public sealed class FrameOutput : AnsiOutput
{
    private readonly FrameEncoder _encoder = new();
    private readonly StringBuilder _frame = new();

    private FrameOutput() : base(AppModel.FullScreen)
    {
    }

    /// <summary>
    /// An application on the ANSI driver with this output and <see cref="WaitingInput"/>, initialised. Terminal.Gui 2.5.0 takes a component
    /// factory only in an internal constructor (its driver registry's factories are not used by Init), so this
    /// sets the application's factory field before Init; should a later version rename it, the stock output is used.
    /// </summary>
    public static IApplication CreateApplication()
    {
        IApplication app = Application.Create();
        try
        {
            ref IComponentFactory? factory = ref ComponentFactory(app);
            factory = new AnsiComponentFactory(input: new WaitingInput(), output: new FrameOutput());
        }
        catch (MissingFieldException)
        {
        }
        app.Init(DriverRegistry.Names.ANSI);
        if (app.Driver is { } driver && driver.GetOutput() is FrameOutput output) driver.ClearedContents += (_, _) => output.Forget();
        return app;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactory([UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);

    /// <summary>Forgets what the terminal shows (its contents were cleared), so the next frame is sent whole.</summary>
    private void Forget() => _encoder.Forget();

    public override void Write(IOutputBuffer buffer)
    {
        if (buffer.Contents is { } cells)
        {
            _encoder.Force16Colors = Force16Colors;
            _encoder.Encode(cells, buffer.DirtyLines, _frame);
        }
        // Nothing is left dirty, so the base only keeps its books (the last buffer and output, for tests).
        base.Write(buffer);
        Send();
    }

    protected override bool SetCursorPositionImpl(int col, int row)
    {
        _encoder.MoveCursor(row, col, _frame);
        return Send();
    }

    private bool Send()
    {
        if (_frame.Length == 0) return false;
        Write(_frame);
        _frame.Clear();
        return true;
    }
}
