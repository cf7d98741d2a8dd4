using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;
using TopSharp.Ui.ProcessTable;
using Xunit;

namespace TopSharp.Tests.ProcessTable;

/// <summary>
/// The real dialogs, each run in its nested loop on the system clock: a timer presses the keys
/// (docs/terminal-gui-v2.md §7, "the whole Run loop also works headless").
/// </summary>
public class DialogPromptsTests
{
    private static T RunWithKeys<T>(Func<DialogPrompts, T> ask, params Key[] keys)
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var prompts = new DialogPrompts(app);
        int sent = 0;
        app.AddTimeout(TimeSpan.FromMilliseconds(20), () =>
        {
            if (sent < keys.Length) app.InjectKey(keys[sent++]);
            return sent < keys.Length;
        });
        return ask(prompts);
    }

    [Fact]
    public void ChooseOne_returns_the_row_Enter_picks()
    {
        int? chosen = RunWithKeys(p => p.ChooseOne("Signal", ["15 SIGTERM", " 9 SIGKILL", " 1 SIGHUP"], 0), Key.CursorDown, Key.Enter);
        Assert.Equal(1, chosen);
    }

    [Fact]
    public void ChooseOne_returns_null_on_Esc()
    {
        Assert.Null(RunWithKeys(p => p.ChooseOne("Signal", ["15 SIGTERM", " 9 SIGKILL"], 0), Key.CursorDown, Key.Esc));
    }

    [Fact]
    public void ChooseMany_toggles_marks_with_Space()
    {
        bool[]? marks = RunWithKeys(p => p.ChooseMany("Columns", ["PID", "PPID", "USER"], [true, false, true]),
            Key.CursorDown, Key.Space, Key.Enter);
        Assert.Equal([true, true, true], marks!);
    }

    [Fact]
    public void Confirm_is_true_on_Enter_and_false_on_Esc()
    {
        Assert.True(RunWithKeys(p => p.Confirm("Send signal", "Send SIGTERM to 1 (init)?"), Key.Enter));
        Assert.False(RunWithKeys(p => p.Confirm("Send signal", "Send SIGTERM to 1 (init)?"), Key.Esc));
    }
}
