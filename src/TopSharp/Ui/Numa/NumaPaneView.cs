using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TopSharp.Ui.Frame;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TopSharp.ViewModels.Numa;

namespace TopSharp.Ui.Numa;

/// <summary>The NUMA pane: draws <see cref="NumaPaneText"/> for the view model's latest state; owns the view model.</summary>
public sealed class NumaPaneView : StatePane<NumaState>
{
    public NumaPaneView(NumaViewModel vm, SynchronizationContext ui) : base(vm, vm.State, ui)
    {
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute highlight = GetAttributeForRole(VisualRole.Highlight);
        IReadOnlyList<NumaLine> lines = NumaPaneText.Lines(State, Viewport.Width);
        for (int y = 0; y < Viewport.Height; y++)
        {
            SetAttribute(y < lines.Count && lines[y].Highlight ? highlight : normal);
            Move(0, y);
            string text = y < lines.Count ? lines[y].Text : "";
            AddStr(text.PadRight(Viewport.Width));
        }
        return true;
    }
}
