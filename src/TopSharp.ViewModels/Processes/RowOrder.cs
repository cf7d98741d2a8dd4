using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>One row's place: its item, depth in the tree, and the tree prefix drawn before the command.</summary>
internal readonly record struct PlacedRow(TableItem Item, int Depth, string Prefix, RowFlags TreeFlags);

/// <summary>A formatted entry: cells and sort values of the visible columns, and the New/Dead/Thread flags of its lifetime.</summary>
internal sealed record TableItem(ProcessEntry Entry, string[] Cells, SortValue[] Values, RowFlags Flags);

/// <summary>
/// Orders the visible rows: flat, sorted by a column with PID breaking ties; or as a tree by
/// parent PID (threads under their process), siblings sorted the same way, prefixed like htop
/// (<c>├─ </c>, <c>└─ </c>, <c>│  </c>), a collapsed subtree marked <c>+</c> and its rows left out.
/// Sort values are computed once per row, then rows are sorted by index.
/// </summary>
internal static class RowOrder
{
    public static List<PlacedRow> Flat(List<TableItem> items, ColumnDefinition column, bool descending)
    {
        int[] order = [.. Enumerable.Range(0, items.Count)];
        Array.Sort(order, new RowComparer(items, column, descending));
        var placed = new List<PlacedRow>(items.Count);
        foreach (int i in order) placed.Add(new PlacedRow(items[i], 0, "", RowFlags.None));
        return placed;
    }

    public static List<PlacedRow> Tree(List<TableItem> items, ColumnDefinition column, bool descending, IReadOnlySet<ProcessKey> collapsed)
    {
        // Parents are looked up by PID among live processes: a tomb never adopts a reused PID's children.
        var byPid = new Dictionary<int, int>(items.Count);
        for (int i = 0; i < items.Count; i++)
            if (!items[i].Entry.IsThread && (items[i].Flags & RowFlags.Dead) == 0) byPid[items[i].Entry.Pid] = i;

        var children = new List<int>?[items.Count];
        var roots = new List<int>();
        for (int i = 0; i < items.Count; i++)
        {
            if (byPid.TryGetValue(items[i].Entry.ParentPid, out int parent) && parent != i)
                (children[parent] ??= []).Add(i);
            else
                roots.Add(i);
        }
        var comparer = new RowComparer(items, column, descending);
        roots.Sort(comparer);
        foreach (List<int>? list in children) list?.Sort(comparer);

        var placed = new List<PlacedRow>(items.Count);
        var visited = new bool[items.Count];
        foreach (int root in roots) Place(root, 0, "", isLast: true, isRoot: true);
        return placed;

        void Place(int i, int depth, string indent, bool isLast, bool isRoot)
        {
            if (visited[i]) return;
            visited[i] = true;
            List<int>? kids = children[i];
            bool isCollapsed = kids is not null && collapsed.Contains(items[i].Entry.Key);
            string connector = isRoot ? (isCollapsed ? "+ " : "") : (isLast ? "└" : "├") + (isCollapsed ? "+ " : "─ ");
            RowFlags flags = (kids is not null ? RowFlags.HasChildren : 0) | (isCollapsed ? RowFlags.Collapsed : 0);
            placed.Add(new PlacedRow(items[i], depth, indent + connector, flags));
            if (kids is null || isCollapsed) return;
            string childIndent = isRoot ? "" : indent + (isLast ? "   " : "│  ");
            for (int k = 0; k < kids.Count; k++)
                Place(kids[k], depth + 1, childIndent, k == kids.Count - 1, isRoot: false);
        }
    }

    /// <summary>Compares row indices by the column's sort value, then PID, then live before a tomb of the same PID.</summary>
    private sealed class RowComparer : IComparer<int>
    {
        private readonly SortValue[] _values;
        private readonly List<TableItem> _items;
        private readonly int _sign;

        public RowComparer(List<TableItem> items, ColumnDefinition column, bool descending)
        {
            _items = items;
            _sign = descending ? -1 : 1;
            _values = new SortValue[items.Count];
            for (int i = 0; i < items.Count; i++) _values[i] = column.SortValueOf(items[i].Entry);
        }

        public int Compare(int a, int b)
        {
            int c = _values[a].CompareTo(_values[b]) * _sign;
            if (c != 0) return c;
            TableItem x = _items[a], y = _items[b];
            c = x.Entry.Pid.CompareTo(y.Entry.Pid);
            if (c != 0) return c;
            return (x.Flags & RowFlags.Dead).CompareTo(y.Flags & RowFlags.Dead);
        }
    }
}
