namespace TopSharp.Ui.Header;

/// <summary>One thing the header draws, placed in header coordinates.</summary>
public abstract record HeaderItem(int X, int Y, int Width);

/// <summary>A bar meter: <c>Label[segments…  Text]</c>.</summary>
public sealed record BarItem(int X, int Y, int Width, string Label, IReadOnlyList<MeterSegment> Segments, string Text)
    : HeaderItem(X, Y, Width);

/// <summary>A line of text in runs, each in its own scheme.</summary>
public sealed record TextItem(int X, int Y, int Width, IReadOnlyList<TextRun> Runs) : HeaderItem(X, Y, Width);

public readonly record struct TextRun(string Text, string SchemeName);
