using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace TopSharp.Ui.Frame;

/// <summary>A pane a later release fills: says what will be there, centred, clipped to what fits.</summary>
public sealed class PlaceholderPane : View
{
    private readonly string[] _lines;

    public PlaceholderPane(string title, string plan)
    {
        _lines = [title, plan];
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttributeForRole(VisualRole.Normal);
        int top = Math.Max(0, (Viewport.Height - _lines.Length) / 2);
        for (int i = 0; i < _lines.Length && top + i < Viewport.Height; i++)
        {
            string line = _lines[i].Length > Viewport.Width ? _lines[i][..Viewport.Width] : _lines[i];
            AddStr(Math.Max(0, (Viewport.Width - line.Length) / 2), top + i, line);
        }
        return true;
    }
}
