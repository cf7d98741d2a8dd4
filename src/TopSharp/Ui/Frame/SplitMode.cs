namespace TopSharp.Ui.Frame;

/// <summary>How the pane area is divided.</summary>
public enum SplitMode
{
    /// <summary>One pane fills the area.</summary>
    Single,
    /// <summary>Two panes, left and right.</summary>
    SideBySide,
    /// <summary>Two panes, top and bottom.</summary>
    Stacked,
}
