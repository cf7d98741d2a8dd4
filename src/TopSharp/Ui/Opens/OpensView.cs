using System.Text;
using R3;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Opens;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.Opens;

/// <summary>
/// The live list of open calls (or the summary by path) for one process: a title line with the counts,
/// the table drawn by the process table's <see cref="RowPainter"/>, and a foot line with the filter input
/// or the keys. The list follows the newest event until scrolled up; End follows again.
/// </summary>
public sealed class OpensView : View
{
    public const string Keys = "Space pause  / filter  f failures only  Tab summary  F6 sort  Esc back";

    /// <summary>The help screen's section for this view.</summary>
    public static IEnumerable<(string Keys, string Text)> Help { get; } =
    [
        ("Space", "pause or resume the list (events still count)"), ("F4 /", "filter by path or thread name (Esc clears)"),
        ("f", "failures only"), ("Tab", "list, or summary by path"), ("F6 >", "sort the summary: count, failures, path"),
        ("Up Down PgUp PgDn", "scroll"), ("Home End", "the oldest; follow the newest again"), ("Esc", "back to the dashboard"),
    ];

    private readonly OpensViewModel _vm;
    private readonly RowPainter _painter;
    private readonly InputLine _input = new();
    private readonly IDisposable _subscription;
    private int _top;
    private bool _follow = true;

    /// <param name="ui">Where states published on the timer's thread are posted; null takes them where published (tests).</param>
    public OpensView(OpensViewModel vm, SynchronizationContext? ui)
    {
        _vm = vm;
        _painter = new RowPainter(this);
        CanFocus = true;
        var states = ui is null ? vm.State.AsObservable() : vm.State.ObserveOn(ui);
        _subscription = states.Subscribe(_ => SetNeedsDraw());
    }

    private OpensState State => _vm.State.CurrentValue;

    private int BodyHeight => Math.Max(0, Viewport.Height - 3);

    private int RowCount(OpensState s) => s.ShowSummary ? s.Summary.Count : s.Rows.Count;

    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        OpensState s = State;
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        _painter.Begin(width, normal, normal);
        _painter.Foot(0, TitleLine(s), s.Lost > 0 ? Color.BrightYellow : null);
        if (height < 2) return true;
        var layout = ColumnLayout.Of(s.ShowSummary ? OpensColumns.Summary(s.Sort) : OpensColumns.List(s.Rows));
        _painter.Header(layout, 0, y: 1);
        int count = RowCount(s), body = BodyHeight;
        _top = _follow ? Math.Max(0, count - body) : Math.Clamp(_top, 0, Math.Max(0, count - body));
        for (int y = 0; y < body; y++)
        {
            int i = _top + y;
            if (s.Unavailable is { } reason && y == 0) _painter.Foot(2, "Opens needs eBPF: " + reason, Color.BrightRed);
            else if (i >= count) _painter.Foot(2 + y, "", null);
            else if (s.ShowSummary) _painter.Cells(layout, OpensColumns.Cells(s.Summary[i]), 2 + y, 0,
                c => c == OpensColumns.Failures && s.Summary[i].Failures > 0 ? Color.BrightRed : null);
            else _painter.Cells(layout, OpensColumns.Cells(s.Rows[i]), 2 + y, 0,
                c => c == OpensColumns.Result && s.Rows[i].Failed ? Color.BrightRed : null);
        }
        if (height >= 3) _painter.Foot(height - 1, _input.Mode == InputMode.None ? Keys : _input.Prompt(false),
            _input.Mode == InputMode.None ? null : Color.BrightCyan);
        return true;
    }

    /// <summary>"Opens of PID 42 (cat) │ 120 opens, 3 failed, 0 lost │ filter: etc │ PAUSED (+4)".</summary>
    public static string TitleLine(OpensState s)
    {
        var sb = new StringBuilder($"Opens of {s.Scope} │ {s.Events} opens, {s.Failures} failed, {s.Lost} lost");
        if (s.Filter.Length > 0) sb.Append($" │ filter: {s.Filter}");
        if (s.FailuresOnly) sb.Append(" │ failures only");
        if (s.ShowSummary) sb.Append($" │ {s.Summary.Count} paths");
        if (s.Paused) sb.Append($" │ PAUSED (+{s.Pending})");
        return sb.ToString();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_input.Mode != InputMode.None) return EditFilter(key);
        int page = Math.Max(1, BodyHeight - 1);
        if (key == Key.Space) _vm.TogglePause();
        else if (key == Key.F4 || KeyMap.Matches(key, new Key('/'))) _input.Begin(InputMode.Filter, State.Filter);
        else if (KeyMap.Matches(key, new Key('f'))) _vm.ToggleFailuresOnly();
        else if (key == Key.Tab) _vm.ToggleSummary();
        else if (key == Key.F6 || KeyMap.Matches(key, new Key('>'))) _vm.NextSort();
        else if (key == Key.CursorUp) Scroll(-1);
        else if (key == Key.CursorDown) Scroll(+1);
        else if (key == Key.PageUp) Scroll(-page);
        else if (key == Key.PageDown) Scroll(+page);
        else if (key == Key.Home) { _follow = false; _top = 0; }
        else if (key == Key.End) _follow = true;
        else return false;
        SetNeedsDraw();
        return true;
    }

    private void Scroll(int by)
    {
        _top = Math.Max(0, _top + by);
        _follow = _top >= RowCount(State) - BodyHeight;
    }

    /// <summary>Typing narrows the list at once; Enter keeps the filter, Esc clears it.</summary>
    private bool EditFilter(Key key)
    {
        if (key == Key.Esc) { _input.End(); _vm.SetFilter(""); }
        else if (key == Key.Enter) _input.End();
        else if (key == Key.Backspace) { if (_input.Backspace()) _vm.SetFilter(_input.Text); }
        else if (!key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) && _input.Append(rune)) _vm.SetFilter(_input.Text);
        SetNeedsDraw();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscription.Dispose();
        base.Dispose(disposing);
    }
}
