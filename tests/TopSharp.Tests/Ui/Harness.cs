using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Xunit;

namespace TopSharp.Tests.Ui;

internal static class HeadlessDriver
{
    /// <summary>The ANSI driver skips the real terminal (the switch Terminal.Gui's own tests use).</summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}

/// <summary>
/// Terminal.Gui on the real ANSI driver with no terminal and virtual time. Keep each test synchronous
/// between Show and Dispose: Begin installs the main loop's SynchronizationContext on the test thread.
/// </summary>
internal sealed class Harness : IDisposable
{
    private SessionToken? _token;

    /// <param name="virtualTime">False for tests that run the real main loop, whose timers need the system clock.</param>
    public Harness(int width, int height, bool virtualTime = true)
    {
        App = (virtualTime ? Application.Create(Time) : Application.Create()).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
    }

    public VirtualTimeProvider Time { get; } = new();
    public IApplication App { get; }

    public void Show(IRunnable top)
    {
        _token = App.Begin(top);
        App.LayoutAndDraw();
    }

    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString()!;
    }

    /// <summary>The screen's rows, trailing blanks trimmed.</summary>
    public string[] Lines() => Screen().Split('\n').Select(l => l.TrimEnd('\r').TrimEnd()).Take(App.Driver!.Rows).ToArray();

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    /// <summary>Advances virtual time in 1 ms steps, running due timers at each.</summary>
    public void Advance(TimeSpan time)
    {
        for (TimeSpan left = time; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(1))
        {
            Time.Advance(left < TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1));
            App.TimedEvents?.RunTimers();
        }
    }

    public void Dispose()
    {
        if (_token is not null) App.End(_token);
        App.Dispose();
    }
}

/// <summary>Terminal.Gui's theme and configuration state is process-wide: these tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalGuiCollection
{
    public const string Name = "Terminal.Gui";
}
