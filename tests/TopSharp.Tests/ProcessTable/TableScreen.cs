using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TopSharp.Core.Processes;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Tests.Support;

namespace TopSharp.Tests.ProcessTable;

/// <summary>The real process-table view model, fed hand-built samples, shown by the view on a headless screen.</summary>
internal sealed class TableScreen : IDisposable
{
    public TableScreen(int width = 120, int height = 20, IReadOnlyList<ProcessSample>? processes = null, ProcessTableSettings? settings = null)
    {
        Table = new TableHarness(settings);
        processes ??= Sample();
        Table.Push([.. processes.Select(p => p with { Stat = p.Stat with { Utime = 0 } })]);
        Table.Push([.. processes]);                             // one second later: CPU% = ticks
        Table.Vm.Select(0);
        View = new ProcessTableView(Table.Vm, Prompts);
        Screen = new ScreenHarness(View, width, height);
    }

    public TableHarness Table { get; }
    public ScriptedPrompts Prompts { get; } = new();
    public ProcessTableView View { get; }
    public ScreenHarness Screen { get; }
    public ProcessTableState State => Table.State;

    public string[] Lines() => Screen.Lines();

    public void Press(params Key[] keys)
    {
        foreach (var key in keys) Screen.App.InjectKey(key);
    }

    public void Type(string text)
    {
        foreach (char c in text) Screen.App.InjectKey(new Key(c));
    }

    /// <summary>30 processes: 101 is the parent of the rest; uid 0 for every third, else 1000; CPU% (i*7) mod 100.</summary>
    public static ProcessSample[] Sample(int count = 30) =>
    [
        .. Enumerable.Range(1, count).Select(i => Snapshots.Proc(100 + i, ppid: i == 1 ? 1 : 101, comm: $"proc{i}",
            cmdline: $"/usr/bin/proc{i} --flag {i}", ticks: (ulong)(i * 7 % 100), uid: i % 3 == 0 ? 0 : 1000, residentPages: (ulong)(i * 100))),
    ];

    public void Dispose()
    {
        Screen.Dispose();
        Table.Dispose();
    }
}
