using System.Globalization;
using TopSharp.Ui.ProcessTable;

namespace TopSharp.Tests.ProcessTable;

/// <summary>One process as the tests describe it; the fake formats it into cells.</summary>
internal sealed record FakeProcess(int Pid, string User, double Cpu, double Mem, string Cmdline, int Ppid = 1);

/// <summary>
/// A hand-built stand-in for the view model: sorts, filters, finds, tags and records the signals and
/// nice changes it is asked for, so view tests see what the view asked.
/// </summary>
internal sealed class FakeTableModel : IProcessTableModel
{
    public static readonly TableColumn[] AllColumns =
    [
        new("PID", "PID", 7, true), new("PPID", "PPID", 7, true), new("USER", "USER", 9, false),
        new("PRI", "PRI", 3, true), new("NI", "NI", 3, true), new("S", "S", 1, false),
        new("CPU%", "CPU%", 5, true), new("MEM%", "MEM%", 5, true), new("TIME+", "TIME+", 9, true),
        new("Command", "Command", 0, false),
    ];

    private readonly List<FakeProcess> _processes;
    private readonly HashSet<int> _tagged = [];
    private List<TableColumn> _columns = AllColumns.Where(c => c.Id != "PPID").ToList();
    private string _filter = "";
    private string? _user;
    private int _sortColumn;
    private bool _descending = true;
    private int? _selectedPid;

    public FakeTableModel(IEnumerable<FakeProcess> processes)
    {
        _processes = processes.ToList();
        _sortColumn = _columns.FindIndex(c => c.Id == "CPU%");
        Rebuild();
    }

    public List<(int Pid, int Signal)> Signalled { get; } = [];
    public List<(int Pid, int Delta)> Reniced { get; } = [];
    public List<string> Calls { get; } = [];
    public string? ReniceError { get; set; }

    public ProcessTableState State { get; private set; } = ProcessTableState.Empty;
    public event EventHandler? StateChanged;

    public IReadOnlyList<(TableColumn Column, bool Shown)> ColumnCatalogue =>
        AllColumns.Select(c => (c, _columns.Any(s => s.Id == c.Id))).ToList();

    public IReadOnlyList<string> Users => _processes.Select(p => p.User).Distinct().Order(StringComparer.Ordinal).ToList();

    public void SetColumns(IReadOnlyList<string> columnIds) { _columns = AllColumns.Where(c => columnIds.Contains(c.Id)).ToList(); _sortColumn = 0; Rebuild(); }
    public void Select(int row) { _selectedPid = State.Rows[row].Pid; Rebuild(); }
    public void SortBy(int column) { _sortColumn = column; Rebuild(); }
    public void InvertSort() { _descending = !_descending; Rebuild(); }

    public bool Find(string text, bool next)
    {
        var rows = State.Rows;
        for (int i = Math.Max(0, State.Selected) + (next ? 1 : 0); i < rows.Count; i++)
            if (rows[i].Cmdline.Contains(text, StringComparison.OrdinalIgnoreCase)) { Select(i); return true; }
        return false;
    }

    public void SetFilter(string text) { _filter = text; Rebuild(); }
    public void ToggleTree() => Calls.Add("tree");
    public void SetSubtreeExpanded(bool expanded) => Calls.Add(expanded ? "expand" : "collapse");
    public void ToggleThreads() => Calls.Add("threads");
    public void ToggleFollow() => Calls.Add("follow");
    public void SetUserFilter(string? user) { _user = user; Rebuild(); }

    public void ToggleTag()
    {
        if (State.SelectedRow is { } row && !_tagged.Remove(row.Pid)) _tagged.Add(row.Pid);
        Rebuild();
    }

    public void TagWithChildren()
    {
        if (State.SelectedRow is not { } row) return;
        _tagged.Add(row.Pid);
        foreach (var child in _processes.Where(p => p.Ppid == row.Pid)) _tagged.Add(child.Pid);
        Rebuild();
    }

    public void UntagAll() { _tagged.Clear(); Rebuild(); }

    public IReadOnlyList<string> Kill(IReadOnlyList<int> pids, int signal)
    {
        Signalled.AddRange(pids.Select(p => (p, signal)));
        return [];
    }

    public IReadOnlyList<string> Renice(IReadOnlyList<int> pids, int delta)
    {
        Reniced.AddRange(pids.Select(p => (p, delta)));
        return ReniceError is null ? [] : [ReniceError];
    }

    private string Cell(FakeProcess p, string id) => id switch
    {
        "PID" => p.Pid.ToString(CultureInfo.InvariantCulture),
        "PPID" => p.Ppid.ToString(CultureInfo.InvariantCulture),
        "USER" => p.User,
        "PRI" => "20",
        "NI" => "0",
        "S" => "R",
        "CPU%" => p.Cpu.ToString("0.0", CultureInfo.InvariantCulture),
        "MEM%" => p.Mem.ToString("0.0", CultureInfo.InvariantCulture),
        "TIME+" => "0:01.00",
        _ => p.Cmdline,
    };

    private static IComparable Key(FakeProcess p, string id) => id switch
    {
        "PID" => p.Pid, "PPID" => p.Ppid, "USER" => p.User, "CPU%" => p.Cpu, "MEM%" => p.Mem, "Command" => p.Cmdline, _ => p.Pid,
    };

    private void Rebuild()
    {
        string sortId = _columns[Math.Clamp(_sortColumn, 0, _columns.Count - 1)].Id;
        var shown = _processes
            .Where(p => _filter.Length == 0 || p.Cmdline.Contains(_filter, StringComparison.OrdinalIgnoreCase))
            .Where(p => _user is null || p.User == _user);
        var sorted = (_descending ? shown.OrderByDescending(p => Key(p, sortId)) : shown.OrderBy(p => Key(p, sortId))).ToList();
        var rows = sorted.Select(p => new TableRow(p.Pid, _columns.Select(c => Cell(p, c.Id)).ToArray(), p.Cmdline, p.Cpu, _tagged.Contains(p.Pid))).ToList();
        int selected = _selectedPid is int pid ? rows.FindIndex(r => r.Pid == pid) : -1;
        if (selected < 0 && rows.Count > 0) selected = 0;
        _selectedPid = selected >= 0 ? rows[selected].Pid : null;
        State = new ProcessTableState(_columns, rows, _sortColumn, _descending, selected);
        StateChanged?.Invoke(this, EventArgs.Empty);
    }

    public static FakeTableModel Sample(int count = 30) => new(Enumerable.Range(1, count).Select(i =>
        new FakeProcess(100 + i, i % 3 == 0 ? "root" : "alice", i * 3.1 % 100, i * 0.7 % 20, $"/usr/bin/proc{i} --flag {i}", Ppid: i > 1 ? 101 : 1)));
}

/// <summary>Prompts answered by the test: the chosen index, the checked columns, the confirmation.</summary>
internal sealed class ScriptedPrompts : ITablePrompts
{
    public int? Choice { get; set; }
    public bool[]? Checked { get; set; }
    public bool Confirmed { get; set; } = true;
    public List<string> Asked { get; } = [];

    public int? ChooseOne(string title, IReadOnlyList<string> items, int initial) { Asked.Add($"{title}: {string.Join("|", items)}"); return Choice; }
    public bool[]? ChooseMany(string title, IReadOnlyList<string> items, IReadOnlyList<bool> initial) { Asked.Add(title); return Checked; }
    public bool Confirm(string title, string message) { Asked.Add(message); return Confirmed; }
}
