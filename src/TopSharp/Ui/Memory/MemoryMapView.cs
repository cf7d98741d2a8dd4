using System.Text;
using R3;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.ViewModels.Memory;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.Memory;

/// <summary>
/// One process's memory map over the process pane (<see cref="ProcessDrillDown"/>): draws <see cref="MemoryMapText"/>
/// for the view model's latest state, scrolls, and turns keys into the view model's sort/group/filter commands.
/// Esc (outside the filter line) calls <paramref name="close"/>. Owns the view model.
/// </summary>
public sealed class MemoryMapView : View
{
    private const int ScrollStep = 8;

    private readonly MemoryMapViewModel _vm;
    private readonly Action _close;
    private readonly IDisposable _subscription;
    private int _top, _selected, _left;
    private StringBuilder? _filter;

    public MemoryMapView(MemoryMapViewModel vm, SynchronizationContext? ui, Action close)
    {
        _vm = vm;
        _close = close;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var states = ui is null ? vm.State.AsObservable() : vm.State.ObserveOn(ui);
        _subscription = states.Subscribe(_ => SetNeedsDraw());
    }

    public MemoryMapViewModel ViewModel => _vm;

    private MemoryMapState State => _vm.State.CurrentValue;

    private int BodyHeight => Math.Max(1, Viewport.Height - MemoryMapText.TopLines - MemoryMapText.FileLines(State, Viewport.Height));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        MemoryMapState s = State;
        _selected = Math.Clamp(_selected, 0, Math.Max(0, s.Rows.Count - 1));
        if (_selected < _top) _top = _selected;
        if (_selected >= _top + BodyHeight) _top = _selected - BodyHeight + 1;
        _top = Math.Clamp(_top, 0, Math.Max(0, s.Rows.Count - BodyHeight));
        List<MapLine> lines = MemoryMapText.Lines(s, Viewport.Width, Viewport.Height, _top, _selected, _left, _filter?.ToString());
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        for (int y = 0; y < Viewport.Height; y++)
        {
            MapLine line = y < lines.Count ? lines[y] : new MapLine(new string(' ', Viewport.Width), MapLineStyle.Normal);
            SetAttribute(Style(line.Style, normal));
            Move(0, y);
            AddStr(line.Text);
        }
        return true;
    }

    private Attribute Style(MapLineStyle style, Attribute normal) => style switch
    {
        MapLineStyle.Title or MapLineStyle.Header => GetAttributeForRole(VisualRole.Highlight),
        MapLineStyle.Selected => GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active),
        MapLineStyle.Grew => new Attribute(Color.BrightRed, normal.Background),
        MapLineStyle.Shrank => new Attribute(Color.BrightGreen, normal.Background),
        MapLineStyle.Note => new Attribute(Color.Yellow, normal.Background),
        _ => normal,
    };

    protected override bool OnKeyDown(Key key)
    {
        if (_filter is not null) return EditFilter(key);
        int page = Math.Max(1, BodyHeight - 1);
        if (key == Key.Esc) _close();
        else if (key == Key.CursorUp) _selected--;
        else if (key == Key.CursorDown) _selected++;
        else if (key == Key.PageUp) _selected -= page;
        else if (key == Key.PageDown) _selected += page;
        else if (key == Key.Home) _selected = 0;
        else if (key == Key.End) _selected = int.MaxValue / 2;
        else if (key == Key.CursorLeft) _left = Math.Max(0, _left - ScrollStep);
        else if (key == Key.CursorRight) _left += ScrollStep;
        else if (Is(key, '>') || key == Key.F6) _vm.SortByNext();
        else if (Is(key, '<')) _vm.SortStep(-1);
        else if (Is(key, 'i')) _vm.SortBy(State.Settings.SortBy);
        else if (Is(key, 'g')) _vm.ToggleGrouped();
        else if (Is(key, '/') || key == Key.F4) _filter = new StringBuilder(State.Settings.Filter);
        else return false;
        SetNeedsDraw();
        return true;
    }

    private static bool Is(Key key, char c) => KeyMap.Matches(key, new Key(c));

    /// <summary>The filter line: letters narrow the map as they are typed; Enter keeps it, Esc clears it.</summary>
    private bool EditFilter(Key key)
    {
        if (key == Key.Esc)
        {
            _filter = null;
            _vm.SetFilter("");
        }
        else if (key == Key.Enter) _filter = null;
        else if (key == Key.Backspace)
        {
            if (_filter!.Length > 0) _filter.Length--;
            _vm.SetFilter(_filter.ToString());
        }
        else if (!key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune))
        {
            _filter!.Append(rune.ToString());
            _vm.SetFilter(_filter.ToString());
        }
        SetNeedsDraw();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
            _vm.Dispose();
        }
        base.Dispose(disposing);
    }
}
