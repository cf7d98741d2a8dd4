using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Header;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Header;

/// <summary>
/// The meters above the panes, drawn by hand from <see cref="HeaderLayout"/>. The window sizes it from
/// <see cref="DesiredRows"/>, capped so a small terminal keeps room for the panes; rows that do not fit
/// are left out.
/// </summary>
public sealed class HeaderView : View
{
    private HeaderState _state = HeaderState.Empty;

    public HeaderView()
    {
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = 0;
    }

    /// <summary>Draw each bar part with its own glyph, for themes without colour.</summary>
    public bool PlainGlyphs { get; set; }

    public HeaderState State => _state;

    public void Update(HeaderState state)
    {
        // The rows needed may change (first sample, PSI or a warning line appearing); measured at the
        // window's width, since a header of height 0 has none. A re-layout redraws the whole window, so it
        // happens only when they do.
        int width = SuperView?.Viewport.Width ?? 0;
        bool rowsChanged = DesiredRows(width) != HeaderLayout.Build(state, width, PlainGlyphs).Rows;
        _state = state;
        if (rowsChanged) SuperView?.SetNeedsLayout();
        SetNeedsDraw();
    }

    public int DesiredRows(int width) => HeaderLayout.Build(_state, width, PlainGlyphs).Rows;

    /// <summary>Every cell is filled by <see cref="OnDrawingContent"/>: Terminal.Gui's own clearing first would fill them twice.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        FillRect(Viewport with { X = 0, Y = 0 }, new System.Text.Rune(' '));
        foreach (HeaderItem item in HeaderLayout.Build(_state, Viewport.Width, PlainGlyphs).Items)
        {
            if (item.Y >= Viewport.Height) continue;
            switch (item)
            {
                case BarItem bar: DrawBar(bar, normal); break;
                case TextItem text: DrawText(text, normal); break;
            }
        }
        return true;
    }

    private void DrawBar(BarItem bar, Attribute normal)
    {
        string label = Clip(TerminalText.Escape(bar.Label), bar.Width);
        SetAttribute(SchemeNames.Resolve(SchemeNames.MeterLabel, normal));
        AddStr(bar.X, bar.Y, label);
        int inner = bar.Width - label.Length - 2;
        if (inner < 1) return;
        Attribute bracket = SchemeNames.Resolve(SchemeNames.MeterBracket, normal);
        Attribute value = SchemeNames.Resolve(SchemeNames.MeterValue, normal);
        SetAttribute(bracket);
        AddRune('[');
        MeterBar.Cell[] cells = MeterBar.Layout(inner, bar.Segments, TerminalText.Escape(bar.Text));
        foreach (MeterBar.Cell cell in cells)
        {
            SetAttribute(cell.Segment >= 0 ? SchemeNames.Resolve(bar.Segments[cell.Segment].SchemeName, normal)
                : cell.Segment == MeterBar.TextCell ? value : normal);
            AddRune(cell.Glyph);
        }
        SetAttribute(bracket);
        AddRune(']');
    }

    private void DrawText(TextItem text, Attribute normal)
    {
        int x = text.X, end = text.X + text.Width;
        foreach (TextRun run in text.Runs)
        {
            if (x >= end) break;
            string shown = Clip(TerminalText.Escape(run.Text), end - x);
            SetAttribute(SchemeNames.Resolve(run.SchemeName, normal));
            AddStr(x, text.Y, shown);
            x += shown.Length;
        }
    }

    private static string Clip(string s, int width) => width <= 0 ? "" : s.Length > width ? s[..width] : s;
}
