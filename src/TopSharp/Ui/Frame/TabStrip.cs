using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Frame;

/// <summary>
/// One row of numbered tabs, <c> 1 Processes  2 Cgroups </c>: the focused pane's tab is highlighted, the
/// other half of a split is marked with <c>*</c>. A click on a tab raises <see cref="TabClicked"/>.
/// </summary>
public sealed class TabStrip : View
{
    private IReadOnlyList<string> _titles = [];
    private int _active;
    private int? _other;
    private readonly List<(int Start, int End)> _spans = [];

    public TabStrip()
    {
        Height = 1;
        Width = Dim.Fill();
        MouseEvent += (_, m) =>
        {
            if (!m.Flags.HasFlag(MouseFlags.LeftButtonClicked) || m.Position is not { } p) return;
            int tab = _spans.FindIndex(s => p.X >= s.Start && p.X < s.End);
            if (tab >= 0) TabClicked?.Invoke(this, tab);
            m.Handled = true;
        };
    }

    /// <summary>Raised with the index of the clicked tab.</summary>
    public event EventHandler<int>? TabClicked;

    public void Show(IReadOnlyList<string> titles, int active, int? other)
    {
        _titles = titles;
        _active = active;
        _other = other;
        SetNeedsDraw();
    }

    /// <summary>The label of tab <paramref name="index"/>, as drawn.</summary>
    public static string Label(int index, string title, bool other) => $" {index + 1} {title}{(other ? "*" : "")} ";

    /// <summary>Every cell is filled by <see cref="OnDrawingContent"/>: Terminal.Gui's own clearing first would fill them twice.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute tab = SchemeNames.Resolve(SchemeNames.Tab, normal);
        Attribute active = SchemeNames.Resolve(SchemeNames.TabActive, GetAttributeForRole(VisualRole.Focus));
        int width = Viewport.Width;
        SetAttribute(tab);
        FillRect(new System.Drawing.Rectangle(0, 0, width, 1), new System.Text.Rune(' '));
        _spans.Clear();
        int x = 0;
        for (int i = 0; i < _titles.Count && x < width; i++)
        {
            string label = Label(i, _titles[i], i == _other);
            string shown = label.Length > width - x ? label[..(width - x)] : label;
            SetAttribute(i == _active ? active : tab);
            AddStr(x, 0, shown);
            _spans.Add((x, x + shown.Length));
            x += shown.Length;
        }
        return true;
    }
}
