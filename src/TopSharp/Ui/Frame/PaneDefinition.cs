using Terminal.Gui.ViewBase;

namespace TopSharp.Ui.Frame;

/// <summary>A pane the tab strip offers: its title, and how to build its view (once, on first show).</summary>
public sealed record PaneDefinition(string Title, Func<View> Create);
