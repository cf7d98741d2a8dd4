using R3;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Cgroups;

/// <summary>
/// The cgroup pane: each sample's cgroup trees (one per hierarchy) as rows, siblings sorted by any column,
/// folds and the selection kept by <see cref="CgroupKey"/> across refreshes. Commands run on the UI thread;
/// samples arrive on the sampler's; both rebuild the state under one lock.
/// </summary>
public sealed class CgroupTreeViewModel : IDisposable
{
    private readonly ReactiveProperty<CgroupTreeState> _state = new(CgroupTreeState.Empty);
    private readonly IDisposable _subscription;
    private readonly HashSet<CgroupKey> _collapsed = [];
    private readonly object _gate = new();
    private Sample? _sample;
    private CgroupKey? _selected;
    private CgroupColumn _sort = CgroupColumn.Name;
    private bool _descending;

    public CgroupTreeViewModel(Observable<Sample> samples) =>
        _subscription = samples.Subscribe(s => Update(() => _sample = s));

    public ReadOnlyReactiveProperty<CgroupTreeState> State => _state;

    /// <summary>Moves the selection by <paramref name="delta"/> rows (clamped): arrows, pages, Home/End.</summary>
    public void Move(int delta) => Update(() =>
    {
        var rows = _state.Value.Rows;
        if (rows.Count == 0) return;
        long index = Math.Clamp((long)Math.Max(0, _state.Value.SelectedIndex) + delta, 0, rows.Count - 1);
        _selected = rows[(int)index].Key;
    });

    /// <summary>Folds or unfolds the selected group's children (Space, Enter on the fold mark, +/-).</summary>
    public void ToggleFold() => Update(() =>
    {
        if (_state.Value.SelectedRow is not { HasChildren: true } row) return;
        if (!_collapsed.Remove(row.Key)) _collapsed.Add(row.Key);
    });

    public void SetFold(bool collapsed) => Update(() =>
    {
        if (_state.Value.SelectedRow is not { HasChildren: true } row) return;
        if (collapsed) _collapsed.Add(row.Key);
        else _collapsed.Remove(row.Key);
    });

    /// <summary>Sorts siblings by <paramref name="column"/>; the same column again flips the order. Numbers start high, names low.</summary>
    public void SortBy(CgroupColumn column) => Update(() =>
    {
        if (_sort == column) _descending = !_descending;
        else (_sort, _descending) = (column, CgroupColumnDefinition.Of(column).Number is not null);
    });

    /// <summary>Selects the group, unfolding its ancestors (the <c>g</c> key from the process table); false when it is not in the tree.</summary>
    public bool Select(CgroupKey key)
    {
        bool found = false;
        Update(() =>
        {
            found = _sample?.Snapshot.Cgroups?.Find(key.Hierarchy, key.Path) is not null;
            if (!found) return;
            for (string p = key.Path; p != "/"; p = ParentOf(p)) _collapsed.Remove(key with { Path = ParentOf(p) });
            _selected = key;
        });
        return found;
    }

    public CgroupKey? Selected => _state.Value.Selected;

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
            _state.Value = Build();
        }
    }

    private CgroupTreeState Build()
    {
        IReadOnlyList<ColumnHeader> headers = Headers();
        if (_sample?.Snapshot.Cgroups is not { } snapshot)
            return CgroupTreeState.Empty with { Columns = headers, SortColumn = _sort, SortDescending = _descending };
        if (snapshot.Mode == CgroupMode.None)
            return new CgroupTreeState("", headers, [], -1, null, _sort, _descending, "no cgroup filesystem is mounted (proc/self/mountinfo lists no cgroup or cgroup2)");

        IReadOnlyDictionary<CgroupKey, CgroupRates> rates = _sample.Rates?.Cgroups ?? new Dictionary<CgroupKey, CgroupRates>();
        var rows = new List<CgroupRow>();
        foreach (CgroupTree tree in snapshot.Trees) AddTree(tree, rates, rows);
        int selected = _selected is { } key ? rows.FindIndex(r => r.Key == key) : -1;
        if (selected < 0 && rows.Count > 0) selected = 0;
        _selected = selected >= 0 ? rows[selected].Key : null;
        return new CgroupTreeState(Summary(snapshot), headers, rows, selected, _selected, _sort, _descending, null);
    }

    private void AddTree(CgroupTree tree, IReadOnlyDictionary<CgroupKey, CgroupRates> rates, List<CgroupRow> rows)
    {
        string h = tree.Hierarchy.Name;
        var children = new Dictionary<string, List<CgroupEntry>>();
        CgroupEntry? top = null;
        foreach (Cgroup c in tree.Cgroups)
        {
            var key = new CgroupKey(h, c.Path);
            var entry = new CgroupEntry(key, tree.Hierarchy, c, rates.TryGetValue(key, out CgroupRates r) ? r : null);
            if (top is null) top = entry;
            else (children.TryGetValue(ParentOf(c.Path), out var list) ? list : children[ParentOf(c.Path)] = []).Add(entry);
        }
        if (top is not null) AddRow(top, children, "", true, true, rows);
    }

    private void AddRow(CgroupEntry e, Dictionary<string, List<CgroupEntry>> children, string indent, bool last, bool root, List<CgroupRow> rows)
    {
        children.TryGetValue(e.Group.Path, out List<CgroupEntry>? kids);
        bool hasChildren = kids is { Count: > 0 };
        bool collapsed = hasChildren && _collapsed.Contains(e.Key);
        string branch = root ? "" : indent + (last ? "└─" : "├─");
        string mark = hasChildren ? (collapsed ? "+" : "-") : " ";
        var cells = new string[CgroupColumnDefinition.All.Count];
        for (int i = 0; i < cells.Length; i++)
            cells[i] = TerminalText.Escape(CgroupColumnDefinition.All[i].Text(e));
        cells[0] = branch + mark + cells[0];
        rows.Add(new CgroupRow(e.Key, cells, e.Group.Depth, hasChildren, collapsed));
        if (!hasChildren || collapsed) return;
        kids!.Sort(Compare);
        string childIndent = root ? "" : indent + (last ? "  " : "│ ");
        for (int i = 0; i < kids.Count; i++) AddRow(kids[i], children, childIndent, i == kids.Count - 1, false, rows);
    }

    private int Compare(CgroupEntry a, CgroupEntry b)
    {
        CgroupColumnDefinition column = CgroupColumnDefinition.Of(_sort);
        int order;
        if (column.Number is { } number)
        {
            double? x = number(a), y = number(b);
            // A missing value sorts last whichever the direction.
            if (x is null || y is null) return (x is null).CompareTo(y is null);
            order = x.Value.CompareTo(y.Value);
        }
        else order = string.CompareOrdinal(column.Text(a), column.Text(b));
        if (_descending) order = -order;
        return order != 0 ? order : string.CompareOrdinal(a.Group.Path, b.Group.Path);
    }

    private IReadOnlyList<ColumnHeader> Headers() =>
    [
        .. CgroupColumnDefinition.All.Select(c =>
        {
            bool sorted = c.Id == _sort;
            string text = sorted ? c.Title + (_descending ? "▼" : "▲") : c.Title;
            // The painter colours ColumnId.CpuPercent cells by load; the other ids are not used for cgroup columns.
            return new ColumnHeader(c.Id == CgroupColumn.CpuPercent ? ColumnId.CpuPercent : ColumnId.Cgroup, c.Title, c.Width, c.Alignment, sorted, sorted && _descending, text);
        }),
    ];

    private static string Summary(CgroupSnapshot s)
    {
        int v1 = s.Trees.Count(t => !t.Hierarchy.IsUnified);
        string unified = TerminalText.Escape(s.Trees.FirstOrDefault(t => t.Hierarchy.IsUnified)?.Hierarchy.MountPoint ?? "");
        int groups = s.Trees.Sum(t => t.Cgroups.Count);
        return s.Mode switch
        {
            CgroupMode.V2 => $"cgroup v2 at {unified}: {groups} groups",
            CgroupMode.V1 => $"cgroup v1: {v1} hierarchies, {groups} groups",
            _ => $"hybrid: unified at {unified} + {v1} v1 hierarchies, {groups} groups",
        };
    }

    internal static string ParentOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _state.Dispose();
    }
}
