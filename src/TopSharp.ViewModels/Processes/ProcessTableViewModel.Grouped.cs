using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Formatting;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// v: the process list flat, as a tree, or grouped by cgroup. Grouped, each process sits under a heading
/// row of its cgroup (the CGROUP column's path: unified, else the first v1 hierarchy's), groups sorted by
/// path and the table's sort applying within each; a thread goes with its process.
/// </summary>
public sealed partial class ProcessTableViewModel
{
    /// <summary>The heading of processes whose cgroup file is not read (yet) or unreadable.</summary>
    public const string UnknownCgroup = "(cgroup unknown)";

    /// <summary>v: flat → tree → grouped by cgroup → flat. Grouped reads /proc/PID/cgroup.</summary>
    public void CycleListMode()
    {
        lock (_gate)
        {
            ProcessTableSettings s = _settings.Value;
            ProcessTableSettings next = s.Grouped ? s with { Tree = false, Grouped = false }
                : s.Tree ? s with { Tree = false, Grouped = true }
                : s with { Tree = true };
            ChangeSettings(next, reformat: false);
        }
    }

    /// <summary>Adds a heading row per cgroup, then its rows in <paramref name="placed"/>'s order. Caller holds the lock.</summary>
    private void AddGroupedRows(List<PlacedRow> placed, List<ProcessRow> rows, List<int> pids)
    {
        var processPaths = new Dictionary<int, string>();
        foreach (PlacedRow p in placed)
            if (!p.Item.Entry.IsThread && p.Item.Entry.Sample.Cgroup is { } cgroup) processPaths.TryAdd(p.Item.Entry.Pid, cgroup.DisplayPath);

        int commandColumn = IndexOfColumn(ColumnId.Command);
        int textColumn = commandColumn >= 0 ? commandColumn : _settings.Value.Columns.Count - 1;
        foreach (IGrouping<string, PlacedRow> group in placed
            .GroupBy(p => processPaths.GetValueOrDefault(p.Item.Entry.ProcessPid, UnknownCgroup))
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = new string[_settings.Value.Columns.Count];
            Array.Fill(cells, "");
            cells[textColumn] = HeadingText(group.Key, [.. group.Select(p => p.Item).Where(IsCounted)]);
            rows.Add(new ProcessRow(default, cells, RowFlags.Heading, 0));
            pids.Add(0);
            foreach (PlacedRow p in group)
            {
                rows.Add(new ProcessRow(p.Item.Entry.Key, p.Item.Cells, RowFlagsOf(p.Item, RowFlags.None), 1));
                pids.Add(p.Item.Entry.ProcessPid);
            }
        }
    }

    /// <summary>A heading counts live processes: a thread's CPU and memory are its process's already, a tomb's are gone.</summary>
    private static bool IsCounted(TableItem item) => !item.Entry.IsThread && (item.Flags & RowFlags.Dead) == 0;

    /// <summary>The cgroup path (escaped), how many processes, their summed CPU% and RES.</summary>
    internal static string HeadingText(string path, IReadOnlyList<TableItem> processes)
    {
        double cpu = processes.Sum(i => i.Entry.CpuPct);
        ulong res = 0;
        foreach (TableItem i in processes) res += i.Entry.ResBytes;
        string count = processes.Count == 1 ? "1 process" : $"{processes.Count} processes";
        return $"{TerminalText.Escape(path)}: {count}, CPU {Units.Percent(cpu)}%, RES {Units.Bytes(res)}";
    }
}
