namespace TopSharp.Ui.Header;

/// <summary>One coloured part of a bar: a share of the whole (0..1) and the scheme that colours it.</summary>
public readonly record struct MeterSegment(double Fraction, string SchemeName, char Glyph);

/// <summary>
/// Lays out an htop-style bar, <c>label[|||||||     text]</c>: segments fill from the left in order, and
/// <paramref name="text"/> is right-aligned inside the brackets over whatever it covers. Pure, so the
/// rounding and the narrow cases are tested without a terminal.
/// </summary>
public static class MeterBar
{
    /// <summary>What one cell inside the brackets shows.</summary>
    public readonly record struct Cell(char Glyph, int Segment);

    /// <summary>Segment index for a cell that shows the text.</summary>
    public const int TextCell = -1;
    /// <summary>Segment index for an empty cell.</summary>
    public const int EmptyCell = -2;

    /// <summary>The <paramref name="inner"/> cells between the brackets.</summary>
    public static Cell[] Layout(int inner, IReadOnlyList<MeterSegment> segments, string text)
    {
        var cells = new Cell[Math.Max(0, inner)];
        Array.Fill(cells, new Cell(' ', EmptyCell));
        // Cumulative rounding: each segment ends where the running total rounds to, so the parts add up exactly.
        double total = 0;
        int start = 0;
        for (int s = 0; s < segments.Count; s++)
        {
            double fraction = segments[s].Fraction;
            if (!(fraction > 0)) continue;   // also skips NaN
            total += fraction;
            int end = Math.Min(cells.Length, (int)Math.Round(Math.Min(total, 1) * cells.Length));
            for (int i = start; i < end; i++) cells[i] = new Cell(segments[s].Glyph, s);
            start = Math.Max(start, end);
        }
        if (text.Length <= cells.Length)
            for (int i = 0; i < text.Length; i++) cells[cells.Length - text.Length + i] = new Cell(text[i], TextCell);
        return cells;
    }
}
