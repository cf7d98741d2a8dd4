namespace TopSharp.ViewModels.Layout;

/// <summary>The panes the frame can show; later issues fill in the ones after Processes. Persisted by name.</summary>
public enum PaneId
{
    Processes,
    Numa,
    Cgroups,
    Memory,
    Syscalls,
}

/// <summary>One pane; two side by side (<see cref="Vertical"/> split line); or stacked (<see cref="Horizontal"/> split line).</summary>
public enum SplitMode
{
    Single,
    Vertical,
    Horizontal,
}

/// <summary>
/// What the frame shows. <see cref="Panes"/> are the tabs (number keys 1..n). <see cref="Primary"/>
/// is the only pane, or the left/top one of a split; <see cref="Secondary"/> the right/bottom one,
/// which gets 1 − <see cref="SplitRatio"/> of the space. The focus is on <see cref="Active"/>.
/// </summary>
public sealed record LayoutState(
    IReadOnlyList<PaneId> Panes,
    PaneId Primary,
    PaneId Secondary,
    bool SecondaryFocused,
    SplitMode Split,
    double SplitRatio)
{
    public bool IsSplit => Split != SplitMode.Single;

    /// <summary>The pane with the focus: the one tabs, number keys and pane keys act on.</summary>
    public PaneId Active => IsSplit && SecondaryFocused ? Secondary : Primary;

    /// <summary>The 1-based tab number of each pane, as the tab bar shows it ("1 Processes").</summary>
    public int NumberOf(PaneId pane) => Panes.ToList().IndexOf(pane) + 1;
}

/// <summary>The layout as config.json keeps it ("layout"); positional with defaults, so a key the file leaves out keeps its default.</summary>
public sealed record LayoutSettings(
    PaneId Primary = PaneId.Processes,
    PaneId Secondary = PaneId.Processes,
    SplitMode Split = SplitMode.Single,
    double SplitRatio = 0.5)
{
    public static LayoutSettings Default { get; } = new();
}
