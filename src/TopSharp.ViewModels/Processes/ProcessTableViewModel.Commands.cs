using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>The commands the view binds to keys: selection, sort, columns, filter, search, tree, threads, follow, tags.</summary>
public sealed partial class ProcessTableViewModel
{
    /// <summary>Selects row <paramref name="index"/> (clamped; a heading row: the next process row the way the selection moves); a manual move ends follow.</summary>
    public void Select(int index)
    {
        lock (_gate)
        {
            if (_rows.Length == 0) return;
            index = ProcessRowNear(Math.Clamp(index, 0, _rows.Length - 1), index < _selectedIndex ? -1 : +1);
            if (_followed is not null)
            {
                _followed = null;
                _selected = _rows[index].Key;
                _selectedIndex = index;
                Rebuild();
                return;
            }
            MoveSelectionTo(index);
        }
    }

    /// <summary>Up/Down (±1), PgUp/PgDn (± a page), Home/End (± int.MaxValue).</summary>
    public void MoveSelection(int delta)
    {
        lock (_gate)
        {
            long target = (long)Math.Max(_selectedIndex, 0) + delta;
            Select((int)Math.Clamp(target, 0, int.MaxValue));
        }
    }

    /// <summary>Selects the row of <paramref name="key"/> if it is shown.</summary>
    public void SelectKey(ProcessKey key)
    {
        lock (_gate)
        {
            int index = Array.FindIndex(_rows, r => r.Key == key && !r.Is(RowFlags.Heading));
            if (index >= 0) Select(index);
        }
    }

    /// <summary>Sorts by <paramref name="column"/>; choosing the sort column again inverts it.</summary>
    public void SortBy(ColumnId column)
    {
        lock (_gate)
        {
            ProcessTableSettings s = _settings.Value;
            bool descending = column == s.SortColumn ? !s.SortDescending : ColumnCatalogue.Get(column).DefaultDescending;
            ChangeSettings(s with { SortColumn = column, SortDescending = descending }, reformat: false);
        }
    }

    public void InvertSort()
    {
        lock (_gate)
            ChangeSettings(_settings.Value with { SortDescending = !_settings.Value.SortDescending }, reformat: false);
    }

    /// <summary>Shows these columns in this order (duplicates dropped; an empty list is ignored).</summary>
    public void SetColumns(IReadOnlyList<ColumnId> columns)
    {
        ColumnId[] distinct = [.. columns.Distinct()];
        if (distinct.Length == 0) return;
        lock (_gate)
            ChangeSettings(_settings.Value with { Columns = distinct }, reformat: true);
    }

    /// <summary>Adds <paramref name="column"/> before Command, or removes it.</summary>
    public void ToggleColumn(ColumnId column)
    {
        lock (_gate)
        {
            List<ColumnId> columns = [.. _settings.Value.Columns];
            if (!columns.Remove(column))
            {
                int command = columns.IndexOf(ColumnId.Command);
                columns.Insert(command >= 0 ? command : columns.Count, column);
            }
            SetColumns(columns);
        }
    }

    /// <summary>Shows only rows whose comm or command line contains <paramref name="text"/> (case-insensitive).</summary>
    public void SetFilter(string text)
    {
        lock (_gate)
        {
            _filter = text;
            Rebuild();
        }
    }

    /// <summary>Shows only rows of this user name; null shows everyone's.</summary>
    public void SetUserFilter(string? user)
    {
        lock (_gate)
        {
            _userFilter = string.IsNullOrEmpty(user) ? null : user;
            Rebuild();
        }
    }

    /// <summary>Shows only these processes and their threads (<c>-p PID[,PID…]</c>, as htop's); empty shows every process.</summary>
    public void SetPidFilter(IEnumerable<int> pids)
    {
        lock (_gate)
        {
            _pidFilter = [.. pids.Distinct().Order()];
            Rebuild();
        }
    }

    /// <summary>Incremental search: selects the first match at or after the selection (wrapping).</summary>
    public bool SetSearch(string text)
    {
        lock (_gate)
        {
            _search = text;
            return Find(0, 1);
        }
    }

    /// <summary>The next match after the selection (wrapping); false when nothing matches.</summary>
    public bool FindNext()
    {
        lock (_gate) return Find(1, 1);
    }

    public bool FindPrevious()
    {
        lock (_gate) return Find(-1, -1);
    }

    /// <summary>F5/t: tree view on or off; from grouped by cgroup, the tree.</summary>
    public void ToggleTree()
    {
        lock (_gate) ChangeSettings(_settings.Value with { Tree = !_settings.Value.Tree || _settings.Value.Grouped, Grouped = false }, reformat: false);
    }

    /// <summary>Shows each process's threads as rows; they appear from the next sample that read them.</summary>
    public void ToggleThreads()
    {
        lock (_gate)
        {
            ChangeSettings(_settings.Value with { ShowThreads = !_settings.Value.ShowThreads }, reformat: false);
            if (_sample is { } sample) Update(sample);
        }
    }

    /// <summary>Tree view: collapses or expands the selected row's subtree.</summary>
    public void ToggleCollapse()
    {
        lock (_gate)
        {
            if (_selected is not { } key || !_state.Value.Tree) return;
            if (!_collapsed.Remove(key)) _collapsed.Add(key);
            Rebuild();
        }
    }

    /// <summary>Keeps the selection on the selected process wherever it moves, until it exits or the selection is moved.</summary>
    public void ToggleFollow()
    {
        lock (_gate)
        {
            _followed = _followed is null ? _selected : null;
            Rebuild();
        }
    }

    /// <summary>Space: tags or untags the selected process and moves down a row.</summary>
    public void ToggleTag()
    {
        lock (_gate)
        {
            if (_selected is not { } key) return;
            if (!_tagged.Remove(key)) _tagged.Add(key);
            _rows[_selectedIndex] = _rows[_selectedIndex] with { Flags = _rows[_selectedIndex].Flags ^ RowFlags.Tagged };
            if (_selectedIndex + 1 < _rows.Length) MoveSelectionTo(ProcessRowNear(_selectedIndex + 1, +1));
            else SetSelection(_selectedIndex);
        }
    }

    /// <summary>c (htop's key): tags the selected process and every process and thread below it; tags nothing off.</summary>
    public void TagWithDescendants()
    {
        lock (_gate)
        {
            if (SelectedEntry() is not { } root) return;
            ILookup<int, ProcessEntry> children = _items
                .Where(i => (i.Flags & RowFlags.Dead) == 0)
                .ToLookup(i => i.Entry.ParentPid, i => i.Entry);
            var seen = new HashSet<ProcessKey>();
            var pending = new Stack<ProcessEntry>([root]);
            while (pending.TryPop(out ProcessEntry? entry))
            {
                if (!seen.Add(entry.Key)) continue;
                _tagged.Add(entry.Key);
                if (!entry.IsThread)   // a thread's ParentPid is its process: it has no children of its own
                    foreach (ProcessEntry child in children[entry.Pid]) pending.Push(child);
            }
            Rebuild();
        }
    }

    public void UntagAll()
    {
        lock (_gate)
        {
            _tagged.Clear();
            Rebuild();
        }
    }

    /// <summary>The tagged processes, by (pid, starttime).</summary>
    public IReadOnlyCollection<ProcessKey> Tagged
    {
        get
        {
            lock (_gate) return [.. _tagged];
        }
    }

    private bool Find(int startOffset, int step)
    {
        _searchFailed = false;
        if (_search.Length > 0 && _rows.Length > 0)
        {
            int start = Math.Max(_selectedIndex, 0);
            for (int n = 0; n < _rows.Length; n++)
            {
                int i = (((start + startOffset + n * step) % _rows.Length) + _rows.Length) % _rows.Length;
                if (_items.Find(it => it.Entry.Key == _rows[i].Key)?.Entry.Matches(_search) == true)
                {
                    _followed = null;
                    MoveSelectionTo(i);
                    return true;
                }
            }
            _searchFailed = true;
        }
        SetSelection(_selectedIndex);
        return false;
    }

    /// <summary>Moves the Selected flag without rebuilding rows: two rows change, the rest are shared.</summary>
    private void MoveSelectionTo(int index)
    {
        var rows = (ProcessRow[])_rows.Clone();
        if (_selectedIndex >= 0 && _selectedIndex < rows.Length)
            rows[_selectedIndex] = rows[_selectedIndex] with { Flags = rows[_selectedIndex].Flags & ~RowFlags.Selected };
        rows[index] = rows[index] with { Flags = rows[index].Flags | RowFlags.Selected };
        _rows = rows;
        SetSelection(index);
    }

    private void ChangeSettings(ProcessTableSettings settings, bool reformat)
    {
        _settings.Value = settings;
        _files.Value = FilesFor(settings) | CgroupFiles;
        SetSyscallsShown(ShowsSyscalls(settings));
        if (reformat) FormatItems(reuse: false);
        Rebuild();
    }
}
