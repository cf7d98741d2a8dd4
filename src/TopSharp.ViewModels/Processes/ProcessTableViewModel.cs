using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Processes;

/// <summary>
/// The process table: turns samples and commands into one immutable <see cref="ProcessTableState"/>.
/// Samples arrive on the sampler's thread and commands on the UI thread; both take one lock, and
/// each change publishes a new state (views <c>ObserveOn</c> their own context). The selection,
/// tags, collapsed subtrees and the followed process are kept by (pid, starttime), so they stay on
/// the same process across refreshes, re-sorts and filters, and a reused PID inherits none of them.
/// </summary>
public sealed partial class ProcessTableViewModel : IDisposable
{
    /// <summary>How long a new process is highlighted and an exited one kept as a tomb.</summary>
    public static TimeSpan HighlightDuration { get; } = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly IProcessControl _control;
    private readonly RowLifetimes _lifetimes = new(HighlightDuration);
    private readonly ReactiveProperty<ProcessTableState> _state;
    private readonly ReactiveProperty<ProcessTableSettings> _settings;
    private readonly ReactiveProperty<ProcessFiles> _files;
    private readonly Subject<string> _messages = new();
    private readonly IDisposable _subscription;

    private readonly HashSet<ProcessKey> _tagged = [];
    private readonly HashSet<ProcessKey> _collapsed = [];
    private List<(ProcessEntry Entry, RowFlags Flags)> _entries = [];
    private List<TableItem> _items = [];
    private ProcessRow[] _rows = [];
    /// <summary>Per row, the PID of its process (a thread row's owner): whose numa_maps the row shows.</summary>
    private int[] _rowProcessPids = [];
    private ProcessKey? _selected;
    private int _selectedIndex = -1;
    private ProcessKey? _followed;
    private string _filter = "";
    private string _search = "";
    private bool _searchFailed;
    private string? _userFilter;
    private int[] _pidFilter = [];
    private Sample? _sample;

    /// <param name="syscalls">Leases the syscall tracer for SYSC/s and SYSERR/s; null (their cells "-") without one.</param>
    public ProcessTableViewModel(Observable<Sample> samples, TimeProvider time, IProcessControl control, ProcessTableSettings settings,
        Func<(ISyscallTracer? Tracer, string Reason)>? syscalls = null)
    {
        _time = time;
        _control = control;
        _openSyscalls = syscalls;
        _settings = new ReactiveProperty<ProcessTableSettings>(settings);
        _files = new ReactiveProperty<ProcessFiles>(FilesFor(settings));
        _state = new ReactiveProperty<ProcessTableState>(BuildState());
        SetSyscallsShown(ShowsSyscalls(settings));
        _subscription = samples.Subscribe(Update);
    }

    public ReadOnlyReactiveProperty<ProcessTableState> State => _state;

    /// <summary>Columns, sort and toggles as config.json keeps them; changes when the user changes one.</summary>
    public ReadOnlyReactiveProperty<ProcessTableSettings> Settings => _settings;

    /// <summary>The per-process files the visible columns (and the threads toggle) need; feed to <see cref="SamplerLoop.SetFiles"/>.</summary>
    public ReadOnlyReactiveProperty<ProcessFiles> RequiredFiles => _files;

    /// <summary>Status-line messages: kill and renice results, a followed process that exited.</summary>
    public Observable<string> Messages => _messages;

    /// <summary>Takes a new sample: rebuilds the entries, keeps selection, tags and tombs.</summary>
    public void Update(Sample sample)
    {
        lock (_gate)
        {
            _sample = sample;
            bool threads = _settings.Value.ShowThreads;
            List<ProcessEntry> live = ProcessEntries.Build(sample, threads);
            SampleSyscalls();
            if (_syscallRates is not null) live = live.ConvertAll(WithSyscalls);
            _entries = _lifetimes.Update(live, () => PreviousEntries(sample), _time.GetUtcNow());
            var present = new HashSet<ProcessKey>(_entries.Select(e => e.Entry.Key));
            _tagged.IntersectWith(present);
            _collapsed.IntersectWith(present);
            if (_followed is { } f && !live.Exists(e => e.Key == f))
            {
                _followed = null;
                _messages.OnNext($"followed process {f.Pid} exited");
            }
            FormatItems(reuse: true);
            Rebuild();
        }
    }

    /// <summary>The processes of the sample before: what a captured (t0, t1) pair is diffed against.</summary>
    private static List<ProcessEntry>? PreviousEntries(Sample sample) =>
        sample.Previous is { } previous ? ProcessEntries.Build(new Sample(previous, null, null), threads: false) : null;

    /// <summary>
    /// Formats each entry's cells. With <paramref name="reuse"/>, a cell whose sort value is the same
    /// as at the last refresh keeps its string, so a refresh formats only what changed.
    /// </summary>
    private void FormatItems(bool reuse)
    {
        ColumnDefinition[] columns = [.. _settings.Value.Columns.Select(ColumnCatalogue.Get)];
        var before = new Dictionary<ProcessKey, TableItem>(reuse ? _items.Count : 0);
        if (reuse)
            foreach (TableItem item in _items)
                before[item.Entry.Key] = item;
        _items = _entries.ConvertAll(e =>
        {
            before.TryGetValue(e.Entry.Key, out TableItem? old);
            var cells = new string[columns.Length];
            var values = new SortValue[columns.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                values[c] = columns[c].SortValueOf(e.Entry);
                cells[c] = old is not null && old.Values[c] == values[c] ? old.Cells[c] : columns[c].Format(e.Entry);
            }
            RowFlags kernel = e.Entry.Sample.IsKernelThread ? RowFlags.KernelThread : RowFlags.None;
            return new TableItem(e.Entry, cells, values, e.Flags | kernel);
        });
    }

    /// <summary>Filters, orders, resolves the selection and publishes. Caller holds the lock.</summary>
    private void Rebuild()
    {
        ProcessTableSettings s = _settings.Value;
        List<TableItem> visible = _items.FindAll(IsVisible);
        ColumnDefinition sortBy = ColumnCatalogue.Get(s.SortColumn);
        List<PlacedRow> placed = s.Tree && !s.Grouped
            ? RowOrder.Tree(visible, sortBy, s.SortDescending, _collapsed)
            : RowOrder.Flat(visible, sortBy, s.SortDescending);

        int commandColumn = IndexOfColumn(ColumnId.Command);
        var rows = new List<ProcessRow>(placed.Count);
        var pids = new List<int>(placed.Count);
        if (s.Grouped) AddGroupedRows(placed, rows, pids);
        else
            foreach (PlacedRow p in placed) AddRow(p);
        _rows = [.. rows];
        _rowProcessPids = [.. pids];
        int index = FindSelection();
        if (index >= 0) _rows[index] = _rows[index] with { Flags = _rows[index].Flags | RowFlags.Selected };
        SetSelection(index);
        PublishNumaMapsPids();

        void AddRow(PlacedRow p)
        {
            string[] cells = p.Item.Cells;
            if (p.Prefix.Length > 0 && commandColumn >= 0)
            {
                cells = (string[])cells.Clone();
                cells[commandColumn] = p.Prefix + cells[commandColumn];
            }
            rows.Add(new ProcessRow(p.Item.Entry.Key, cells, RowFlagsOf(p.Item, p.TreeFlags), p.Depth));
            pids.Add(p.Item.Entry.ProcessPid);
        }
    }

    private bool IsVisible(TableItem item) =>
        (_userFilter is null || item.Entry.User == _userFilter) && item.Entry.Matches(_filter)
        && (_pidFilter.Length == 0 || _pidFilter.Contains(item.Entry.ProcessPid))
        && InCgroupFilter(item);

    /// <summary>The row of the selected (or followed) process; where it was gone, the process row nearest its old index.</summary>
    private int FindSelection()
    {
        ProcessKey? want = _followed ?? _selected;
        if (want is { } key)
            for (int i = 0; i < _rows.Length; i++)
                if (_rows[i].Key == key && !_rows[i].Is(RowFlags.Heading)) return i;
        if (_rows.Length == 0) return -1;
        return ProcessRowNear(Math.Clamp(_selectedIndex, 0, _rows.Length - 1), +1);
    }

    /// <summary>The first process row from <paramref name="index"/> on in direction <paramref name="step"/>, else the other way; −1 when there is none.</summary>
    private int ProcessRowNear(int index, int step)
    {
        for (int i = index; i >= 0 && i < _rows.Length; i += step)
            if (!_rows[i].Is(RowFlags.Heading)) return i;
        for (int i = index; i >= 0 && i < _rows.Length; i -= step)
            if (!_rows[i].Is(RowFlags.Heading)) return i;
        return -1;
    }

    private RowFlags RowFlagsOf(TableItem item, RowFlags tree)
    {
        RowFlags flags = item.Flags | tree;
        if (_tagged.Contains(item.Entry.Key)) flags |= RowFlags.Tagged;
        if (_followed == item.Entry.Key) flags |= RowFlags.Followed;
        return flags;
    }

    /// <summary>Records the selection and publishes the state. Caller holds the lock.</summary>
    private void SetSelection(int index)
    {
        _selectedIndex = index;
        _selected = index >= 0 ? _rows[index].Key : null;
        _state.Value = BuildState();
    }

    private ProcessTableState BuildState()
    {
        ProcessTableSettings s = _settings.Value;
        ColumnHeader[] headers = [.. s.Columns.Select(id => Header(id, s))];
        string? commandLine = _selectedIndex >= 0 ? SelectedEntry()?.Sample is { } sample
            ? TerminalText.Escape(sample.Cmdline.Length > 0 ? sample.Cmdline : $"[{sample.Comm}]") : null : null;
        return new ProcessTableState(
            headers, _rows, _selectedIndex, _selected, s.SortColumn, s.SortDescending, _filter, _search, _searchFailed,
            s.Tree && !s.Grouped, s.ShowThreads, _userFilter, _followed is not null, _tagged.Count, _items.Count, commandLine)
        {
            Grouped = s.Grouped,
            PidFilter = _pidFilter,
            CgroupFilter = _cgroupFilter is { } g ? $"{g.Hierarchy}:{g.Path}" : null,
        };
    }

    private static ColumnHeader Header(ColumnId id, ProcessTableSettings s)
    {
        ColumnDefinition c = ColumnCatalogue.Get(id);
        bool sorted = id == s.SortColumn;
        string text = sorted ? c.Title + (s.SortDescending ? "▼" : "▲") : c.Title;
        return new ColumnHeader(id, c.Title, c.Width, c.Alignment, sorted, sorted && s.SortDescending, text);
    }

    private ProcessEntry? SelectedEntry() =>
        _selected is { } key ? _items.Find(i => i.Entry.Key == key)?.Entry : null;

    private int IndexOfColumn(ColumnId id)
    {
        IReadOnlyList<ColumnId> columns = _settings.Value.Columns;
        for (int i = 0; i < columns.Count; i++)
            if (columns[i] == id) return i;
        return -1;
    }

    private static ProcessFiles FilesFor(ProcessTableSettings s) =>
        ColumnCatalogue.Needs(s.Columns) | (s.ShowThreads ? ProcessFiles.Threads : ProcessFiles.None)
        | (s.Grouped ? ProcessFiles.Cgroup : ProcessFiles.None);

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_gate) _syscalls?.Dispose();
        _messages.Dispose();
        _numaMapsPids.Dispose();
    }
}
