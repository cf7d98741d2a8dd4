using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using TopSharp.Core;
using TopSharp.Core.Numa;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Layout;

namespace TopSharp.Ui.Frame;

/// <summary>A pane the tab strip offers: its id, title, and how to build its view (once, on first show).</summary>
public sealed record PaneDefinition(PaneId Id, string Title, Func<PaneContext, View> Create);

/// <summary>What a pane's view is built from; <paramref name="Ui"/> marshals view-model updates onto the main loop.</summary>
/// <param name="NumaMaps">Reads /proc/PID/numa_maps below the sampled root; null where none is read (no placement bars).</param>
/// <param name="Root">The root the dashboard samples (a captured pair's own root); null reads the live machine.</param>
public sealed record PaneContext(DashboardViewModel Vm, IApplication App, SynchronizationContext Ui, Func<int, NumaMaps?>? NumaMaps = null, KernelRoot? Root = null);
