using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// One column's render config, shared by the panes and the headless modes: title, width (0 =
/// fill the rest), alignment, the files it needs read, how a cell is formatted (already escaped)
/// and the value rows sort by.
/// </summary>
public sealed class ColumnDefinition
{
    private readonly Func<ProcessEntry, string> _format;
    private readonly Func<ProcessEntry, SortValue> _sortValue;

    internal ColumnDefinition(
        ColumnId id, string title, int width, ColumnAlignment alignment, ProcessFiles needs, bool defaultDescending,
        string description, Func<ProcessEntry, string> format, Func<ProcessEntry, SortValue> sortValue)
    {
        Id = id;
        Title = title;
        Width = width;
        Alignment = alignment;
        Needs = needs;
        DefaultDescending = defaultDescending;
        Description = description;
        _format = format;
        _sortValue = sortValue;
    }

    public ColumnId Id { get; }
    public string Title { get; }

    /// <summary>Characters; 0 for the last, flexible column (Command).</summary>
    public int Width { get; }

    public ColumnAlignment Alignment { get; }

    /// <summary>Per-process files the sampler must read for this column.</summary>
    public ProcessFiles Needs { get; }

    /// <summary>Whether choosing this sort column starts descending (numbers: biggest first).</summary>
    public bool DefaultDescending { get; }

    /// <summary>One line for a column chooser and --help.</summary>
    public string Description { get; }

    /// <summary>The cell text, escaped for the terminal.</summary>
    public string Format(ProcessEntry entry) => _format(entry);

    /// <summary>What rows sort by; computed once per row and sort, not per comparison.</summary>
    public SortValue SortValueOf(ProcessEntry entry) => _sortValue(entry);

    /// <summary>Ascending order by this column (ties are broken by the caller).</summary>
    public int Compare(ProcessEntry a, ProcessEntry b) => SortValueOf(a).CompareTo(SortValueOf(b));
}

/// <summary>A number, or for text columns an ordinal string; a missing value sorts lowest.</summary>
public readonly record struct SortValue(double Number, string? Text) : IComparable<SortValue>
{
    public static implicit operator SortValue(double number) => new(number, null);

    public int CompareTo(SortValue other) =>
        Text is null && other.Text is null ? Number.CompareTo(other.Number) : string.CompareOrdinal(Text, other.Text);
}
