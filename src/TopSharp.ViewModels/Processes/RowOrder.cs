using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>One row's place: its item, depth in the tree, and the tree prefix drawn before the command.</summary>
internal readonly record struct PlacedRow(TableItem Item, int Depth, string Prefix, RowFlags TreeFlags);

/// <summary>A formatted entry: cells for the visible columns, plus the New/Dead/Thread flags of its lifetime.</summary>
internal sealed record TableItem(ProcessEntry Entry, string[] Cells, RowFlags Flags);

/// <summary>
/// Orders the visible rows: flat, sorted by a column with PID breaking ties; or as a tree by
/// parent PID (threads under their process), siblings sorted the same way, prefixed like htop
/// (<c>├─ </c>, <c>└─ </c>, <c>│  </c>), a collapsed subtree marked <c>+</c> and its rows left out.
/// </summary>
internal static class RowOrder
{
    public static List<PlacedRow> Flat(List<TableItem> items, Comparison<ProcessEntry> compare)
    {
        items.Sort((a, b) => Compare(compare, a, b));
        return items.ConvertAll(i => new PlacedRow(i, 0, "", RowFlags.None));
    }

    public static List<PlacedRow> Tree(List<TableItem> items, Comparison<ProcessEntry> compare, IReadOnlySet<ProcessKey> collapsed)
    {
        // Parents are looked up by PID among live processes: a tomb never adopts a reused PID's children.
        var byPid = new Dictionary<int, TableItem>();
        foreach (TableItem i in items)
            if (!i.Entry.IsThread && (i.Flags & RowFlags.Dead) == 0) byPid[i.Entry.Pid] = i;

        var children = new Dictionary<TableItem, List<TableItem>>(ReferenceEqualityComparer.Instance);
        var roots = new List<TableItem>();
        foreach (TableItem i in items)
        {
            if (byPid.TryGetValue(i.Entry.ParentPid, out TableItem? parent) && !ReferenceEquals(parent, i))
            {
                if (!children.TryGetValue(parent, out List<TableItem>? list)) children[parent] = list = [];
                list.Add(i);
            }
            else roots.Add(i);
        }
        Comparison<TableItem> order = (a, b) => Compare(compare, a, b);
        roots.Sort(order);
        foreach (List<TableItem> list in children.Values) list.Sort(order);

        var placed = new List<PlacedRow>(items.Count);
        var visited = new HashSet<TableItem>(ReferenceEqualityComparer.Instance);
        foreach (TableItem root in roots) Place(root, 0, "", isLast: true, isRoot: true);
        return placed;

        void Place(TableItem item, int depth, string indent, bool isLast, bool isRoot)
        {
            if (!visited.Add(item)) return;
            bool hasChildren = children.TryGetValue(item, out List<TableItem>? kids);
            bool isCollapsed = hasChildren && collapsed.Contains(item.Entry.Key);
            string connector = isRoot ? "" : (isLast ? "└" : "├") + (isCollapsed ? "+ " : "─ ");
            if (isRoot && isCollapsed) connector = "+ ";
            RowFlags flags = (hasChildren ? RowFlags.HasChildren : 0) | (isCollapsed ? RowFlags.Collapsed : 0);
            placed.Add(new PlacedRow(item, depth, indent + connector, flags));
            if (!hasChildren || isCollapsed) return;
            string childIndent = isRoot ? "" : indent + (isLast ? "   " : "│  ");
            for (int k = 0; k < kids!.Count; k++)
                Place(kids[k], depth + 1, childIndent, k == kids.Count - 1, isRoot: false);
        }
    }

    private static int Compare(Comparison<ProcessEntry> compare, TableItem a, TableItem b)
    {
        int c = compare(a.Entry, b.Entry);
        if (c != 0) return c;
        c = a.Entry.Pid.CompareTo(b.Entry.Pid);
        if (c != 0) return c;
        // A tomb and the new process that reused its PID: the live one first.
        return (a.Flags & RowFlags.Dead).CompareTo(b.Flags & RowFlags.Dead);
    }
}
