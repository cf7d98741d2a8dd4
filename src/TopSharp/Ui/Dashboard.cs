using R3;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using TopSharp.Cli;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Ui.Frame;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels.Header;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Ui;

/// <summary>
/// The interactive dashboard (<c>topsharp</c> with no mode option): chooses colours and theme, starts the
/// sampler loop, runs the frame until q, F10, Ctrl+C or a signal, and restores the terminal.
/// </summary>
public static class Dashboard
{
    /// <summary>Returns the process exit code: 0 after a normal quit or a signal.</summary>
    public static int Run(CommandLineOptions options)
    {
        var themes = new ThemeSwitcher(ThemeCatalog.LoadShipped(), ColorChoice.Choose(Environment.GetEnvironmentVariable, options.Colors));
        string theme = ThemeChoice.Initial(options.Theme, themes.Colors, themes.Catalog.Names, out string? themeWarning);
        themes.Register();
        // Keyboard arrange mode crashes on a second Ctrl+F5 in 2.5.0; panes are resized by our keys and by mouse.
        Application.RemoveDefaultKeyBinding(Command.Arrange);

        using var sampler = new Sampler(options.Root);
        using SamplerLoop loop = SamplerLoop.Live(sampler.Sample, SnapshotRates.Between, TimeProvider.System, options.Delay);
        using var header = new HeaderViewModel(loop.Samples);

        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        themes.Apply(theme);
        using var window = new MainWindow(Panes.All(), HelpText.Lines) { Themes = themes };
        window.Header.PlainGlyphs = themes.Monochrome;
        window.Title = "TopSharp";
        var ui = new UiSynchronizationContext(app);
        using var signals = new TerminalSignals(app, window.Quit);
        using var subscriptions = Disposable.Combine(
            header.State.ObserveOn(ui).Subscribe(window.Header.Update),
            loop.Errors.ObserveOn(ui).Subscribe(window.ShowMessage));
        ThemeWarnings(themes, themeWarning).ToList().ForEach(window.ShowMessage);
        Task.Run(loop.Start);

        app.Run(window, errorHandler: e =>
        {
            window.ShowMessage($"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return true;
        });
        return 0;
    }

    private static IEnumerable<string> ThemeWarnings(ThemeSwitcher themes, string? warning) =>
        themes.Catalog.Errors.Append(warning).OfType<string>();
}
