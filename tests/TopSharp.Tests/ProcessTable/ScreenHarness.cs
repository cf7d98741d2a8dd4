using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TopSharp.Tests.ProcessTable;

internal static class HeadlessDriver
{
    /// <summary>The ANSI driver then skips the TTY, so tests draw into memory (docs/terminal-gui-v2.md §7).</summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}

/// <summary>A headless application at a fixed size, on virtual time, showing one view in a borderless window.</summary>
internal sealed class ScreenHarness : IDisposable
{
    private readonly SessionToken? _token;
    private readonly Window _window;

    public ScreenHarness(View content, int width, int height)
    {
        App = Application.Create(new VirtualTimeProvider()).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        _window = new Window { BorderStyle = Terminal.Gui.Drawing.LineStyle.None };
        content.Width = Dim.Fill();
        content.Height = Dim.Fill();
        _window.Add(content);
        _token = App.Begin(_window);
        content.SetFocus();
        App.LayoutAndDraw();
    }

    public IApplication App { get; }

    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString()!;
    }

    public string[] Lines() => Screen().Split('\n').Select(l => l.TrimEnd('\r').TrimEnd()).ToArray();

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    public void Dispose()
    {
        if (_token is not null) App.End(_token);
        _window.Dispose();
        App.Dispose();
    }
}
