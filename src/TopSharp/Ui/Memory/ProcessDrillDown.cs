using R3;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.ViewModels.Memory;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.Ui.Memory;

/// <summary>
/// The process pane with its drill-down: <c>m</c> or Enter on the table opens the selected process's memory map over it;
/// Esc in the map closes it and gives the table back its focus, on the same process (the table's selection never moved).
/// </summary>
public sealed class ProcessDrillDown : View
{
    private readonly View _table;
    private readonly ProcessTableViewModel _processes;
    private readonly Observable<Sample> _samples;
    private readonly Func<int, MemoryMap?> _readMap;
    private readonly Func<int, Smaps, ProcessPageCache> _readCache;
    private readonly SynchronizationContext? _ui;

    public ProcessDrillDown(View table, ProcessTableViewModel processes, Observable<Sample> samples,
        Func<int, MemoryMap?> readMap, Func<int, Smaps, ProcessPageCache> readCache, SynchronizationContext? ui)
    {
        (_table, _processes, _samples, _readMap, _readCache, _ui) = (table, processes, samples, readMap, readCache, ui);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        table.Width = Dim.Fill();
        table.Height = Dim.Fill();
        table.KeyDown += (_, key) =>
        {
            if ((KeyMap.Matches(key, Key.M) || key == Key.Enter) && Open()) key.Handled = true;
        };
        Add(table);
    }

    /// <summary>The open map; null while the table shows.</summary>
    public MemoryMapView? Map { get; private set; }

    /// <summary>Opens the selected process's map; false with no selection.</summary>
    public bool Open()
    {
        if (Map is not null || _processes.State.CurrentValue.Selected is not ProcessKey key) return false;
        var vm = new MemoryMapViewModel(key, _samples, _readMap, _readCache);
        Map = new MemoryMapView(vm, _ui, Close);
        _table.Visible = false;
        _table.CanFocus = false;
        Add(Map);
        Map.SetFocus();
        return true;
    }

    public void Close()
    {
        if (Map is not { } map) return;
        Map = null;
        Remove(map);
        map.Dispose();
        _table.Visible = true;
        _table.CanFocus = true;
        _table.SetFocus();
    }
}
