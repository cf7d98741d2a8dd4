using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using TopSharp.Cli;
using TopSharp.Core.Processes;
using TopSharp.Ui.Output;
using TopSharp.Ui.Themes;
using TopSharp.ViewModels;
using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Status;

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
        var store = new ConfigStore(ConfigStore.DefaultDirectory());
        ConfigLoad config = store.Load();
        var themes = new ThemeSwitcher(ThemeCatalog.LoadShipped(), ColorChoice.Choose(Environment.GetEnvironmentVariable, options.Colors));
        string? saved = config.Config.Theme == TopSharpConfig.DefaultTheme ? null : config.Config.Theme;
        string theme = ThemeChoice.Initial(options.Theme ?? saved, themes.Colors, themes.Catalog.Names, out string? themeWarning);
        themes.Register();
        // Keyboard arrange mode crashes on a second Ctrl+F5 in 2.5.0; panes are resized by our keys and by mouse.
        Application.RemoveDefaultKeyBinding(Command.Arrange);

        Syscalls.SyscallsPaneView.BpfDisabled = options.NoBpf;
        using IApplication app = FrameOutput.CreateApplication();
        themes.Apply(theme);
        var ui = new UiSynchronizationContext(app);
        using var cpuMeters = new CpuMeterSource(options);
        var loop = SamplerLoops.For(options.Root, options.Delay, TimeProvider.System, cpuMeters.AddReading);
        using var vm = new DashboardViewModel(loop, store, config, TimeProvider.System, ProcessControl.Instance, Panes.Ids,
            options.Root.IsLive ? Syscalls.SyscallsPaneView.Open : () => (null, "a captured --root has no live kernel to trace"));
        using var window = new MainWindow(vm, app, Panes.All, ui, () => [.. HelpText.Lines(), "", cpuMeters.Note], SamplerLoops.NumaMapsReader(options.Root), options.Root)
        {
            Themes = themes,
            StartOpens = options.Root.IsLive && !options.NoBpf ? scope => Bpf.Opens.OpensTracer.Start(scope) : null,
        };
        window.Header.PlainGlyphs = themes.Monochrome;
        using var hiddenCursor = new HiddenCursorGate(app);
        ApplyFilters(options, vm.Processes);
        using var signals = new TerminalSignals(app, window.Quit);
        foreach (string warning in themes.Catalog.Errors.Append(themeWarning).OfType<string>())
            vm.Status.Post(warning, StatusLevel.Warning);
        Task.Run(() =>
        {
            cpuMeters.Attach(); // off the UI thread: it parses the kernel's BTF
            vm.Start();
        });

        app.Run(window, errorHandler: e =>
        {
            vm.Status.Post($"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}", StatusLevel.Warning);
            return true;
        });
        // What follows (saving the config, restoring the terminal) takes milliseconds; after a hangup it can hang.
        ShutdownWatchdog.Arm(TimeSpan.FromSeconds(2), exitCode: 0);
        return 0;
    }

    /// <summary><c>-u USER</c> and <c>-p PID[,PID…]</c>: what the table shows from the start.</summary>
    public static void ApplyFilters(CommandLineOptions options, ProcessTableViewModel table)
    {
        if (options.User is { } user) table.SetUserFilter(user);
        if (options.Pids.Count > 0) table.SetPidFilter(options.Pids);
    }
}
