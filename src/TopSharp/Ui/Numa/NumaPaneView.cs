using R3;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TopSharp.ViewModels.Numa;

namespace TopSharp.Ui.Numa;

/// <summary>The NUMA pane: draws <see cref="NumaPaneText"/> for the view model's latest state; owns the view model.</summary>
public sealed class NumaPaneView : View
{
    private readonly NumaViewModel _vm;
    private readonly IDisposable _subscription;
    private NumaState _state = NumaState.Empty;

    /// <param name="ui">Where state changes from the sampler's thread are posted: the main loop.</param>
    public NumaPaneView(NumaViewModel vm, SynchronizationContext ui)
    {
        _vm = vm;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _subscription = vm.State.Subscribe(s => ui.Post(_ =>
        {
            _state = s;
            SetNeedsDraw();
        }, null));
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute highlight = GetAttributeForRole(VisualRole.Highlight);
        IReadOnlyList<NumaLine> lines = NumaPaneText.Lines(_state, Viewport.Width);
        for (int y = 0; y < Viewport.Height; y++)
        {
            SetAttribute(y < lines.Count && lines[y].Highlight ? highlight : normal);
            Move(0, y);
            string text = y < lines.Count ? lines[y].Text : "";
            AddStr(text.PadRight(Viewport.Width));
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
            _vm.Dispose();
        }
        base.Dispose(disposing);
    }
}
