using BenchmarkDotNet.Attributes;
using R3;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Tests.Support;

namespace TopSharp.Benchmarks.Ui;

/// <summary>
/// One redraw of the process table at 200x50 with 10,000 rows, headless (the ANSI driver without a
/// TTY): <see cref="ProcessTableView"/> against Terminal.Gui's TableView over the same formatted rows:
/// a redraw with nothing changed, a scroll that changes every visible row, and the idle main-loop pass.
/// <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*ProcessTableDraw*'</c>
/// (in process: on a loaded machine the generated project's build can exceed BenchmarkDotNet's 2-minute limit).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class ProcessTableDrawBenchmark
{
    private const int Rows = 10_000;

    private IApplication _app = null!;
    private SessionToken? _token;
    private Window _window = null!;
    private View _table = null!;
    private ProcessTableViewModel _vm = null!;
    private Subject<Sample> _samples = null!;
    private bool _far;

    [Params("ProcessTableView", "TableView")]
    public string View { get; set; } = "";

    [GlobalSetup]
    public void Show()
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        _samples = new Subject<Sample>();
        _vm = new ProcessTableViewModel(_samples, TimeProvider.System, new FakeProcessControl(), ProcessTableSettings.Default);
        ProcessSample[] processes = [.. Enumerable.Range(1, Rows).Select(i => Snapshots.Proc(i, ppid: 1, comm: $"worker{i}",
            cmdline: $"/usr/lib/app/worker{i} --queue=q{i % 17} --threads {i % 8}", ticks: (ulong)(i % 400), uid: i % 2 * 1000))];
        SystemSnapshot older = Snapshots.Snap(1, [.. processes.Select(p => p with { Stat = p.Stat with { Utime = 0 } })]);
        SystemSnapshot newer = Snapshots.Snap(2, processes);
        _samples.OnNext(new Sample(newer, older, SnapshotRates.Between(older, newer)));

        _app = Application.Create().Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(200, 50);
        _table = View == "TableView" ? NewTableView(_vm.State.CurrentValue) : new ProcessTableView(_vm, new NoPrompts(), ui: null);
        _table.Width = Dim.Fill();
        _table.Height = Dim.Fill();
        _window = new Window { BorderStyle = Terminal.Gui.Drawing.LineStyle.None };
        _window.Add(_table);
        _token = _app.Begin(_window);
        _app.LayoutAndDraw();
    }

    /// <summary>What every refresh costs the screen: the table drawn again.</summary>
    [Benchmark]
    public void Redraw()
    {
        _table.SetNeedsDraw();
        _app.LayoutAndDraw();
    }

    /// <summary>Every visible row changes: the view jumps between the first rows and rows 60 further down.</summary>
    [Benchmark]
    public void Scroll()
    {
        _far = !_far;
        if (_table is TableView table)
        {
            table.RowOffset = _far ? 60 : 0;
            table.SetNeedsDraw();
        }
        else _vm.Select(_far ? 108 : 0);
        _app.LayoutAndDraw();
    }

    /// <summary>A main-loop pass with nothing changed: the view is not drawn.</summary>
    [Benchmark]
    public void Idle() => _app.LayoutAndDraw();

    [GlobalCleanup]
    public void Close()
    {
        if (_token is not null) _app.End(_token);
        _window.Dispose();
        _app.Dispose();
        _vm.Dispose();
        _samples.Dispose();
    }

    /// <summary>TableView styled as docs/terminal-gui-v2.md §3 sets it up for a process list.</summary>
    private static TableView NewTableView(ProcessTableState state)
    {
        var table = new TableView(new StateTable(state)) { FullRowSelect = true, MultiSelect = false };
        table.Style.AlwaysShowHeaders = true;
        table.Style.ShowHorizontalHeaderOverline = table.Style.ShowHorizontalHeaderUnderline = false;
        table.Style.ShowVerticalCellLines = table.Style.ShowVerticalHeaderLines = false;
        return table;
    }

    private sealed class StateTable(ProcessTableState state) : ITableSource
    {
        public string[] ColumnNames { get; } = [.. state.Columns.Select(c => c.Text)];
        public int Columns => ColumnNames.Length;
        public int Rows => state.Rows.Count;
        public object this[int row, int col] => state.Rows[row].Cells[col];
    }

    private sealed class NoPrompts : ITablePrompts
    {
        public int? ChooseOne(string title, IReadOnlyList<string> items, int initial) => null;
        public bool[]? ChooseMany(string title, IReadOnlyList<string> items, IReadOnlyList<bool> initial) => null;
        public bool Confirm(string title, string message) => false;
    }
}
