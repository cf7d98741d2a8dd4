using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>
/// The entries of /proc/PID/smaps and smaps_rollup: a VMA header line (<c>00400000-00401000 r--p 00000000 00:02 279  /bin/tsx</c>)
/// followed by <c>Key:   123 kB</c> lines. A header is told from a field by a blank before its first colon
/// (the colon of the device). Allocates nothing; a kept field with an unparsable value is reported and read as 0.
/// </summary>
internal ref struct SmapsEntries
{
    private KeyColonValueLines _lines;
    private bool _pending;
    private readonly List<ParseDiagnostic>? _diagnostics;
    private readonly string _source;
    private readonly string _path;

    public SmapsEntries(ReadOnlySpan<byte> utf8, List<ParseDiagnostic>? diagnostics, string source, string path)
    {
        _lines = new KeyColonValueLines(utf8);
        _diagnostics = diagnostics;
        _source = source;
        _path = path;
    }

    /// <summary>The current entry's header line.</summary>
    public ReadOnlySpan<byte> Header { get; private set; }

    public int HeaderLineNumber { get; private set; }

    public SmapsCounters Counters { get; private set; }

    public bool MoveNext()
    {
        if (!_pending && !SkipToHeader()) return false;
        _pending = false;
        Header = _lines.Line;
        HeaderLineNumber = _lines.LineNumber;
        Span<ulong> slots = stackalloc ulong[SmapsCounters.Slots];
        slots.Clear();
        while (_lines.MoveNext())
        {
            if (IsHeader(in _lines))
            {
                _pending = true;
                break;
            }
            int slot = SmapsCounters.SlotOf(_lines.Key);
            if (slot < 0) continue;
            if (!_lines.TryValueBytes(out slots[slot]))
                _diagnostics?.Add(new ParseDiagnostic(_source, _path, _lines.LineNumber, $"expected 'Key: number kB': '{Excerpt.Of(_lines.Line)}'"));
        }
        Counters = SmapsCounters.FromSlots(slots);
        return true;
    }

    /// <summary>Fields before the first header belong to no entry: reported, then skipped.</summary>
    private bool SkipToHeader()
    {
        while (_lines.MoveNext())
        {
            if (IsHeader(in _lines)) return true;
            _diagnostics?.Add(new ParseDiagnostic(_source, _path, _lines.LineNumber, $"field before any VMA header: '{Excerpt.Of(_lines.Line)}'"));
        }
        return false;
    }

    private static bool IsHeader(in KeyColonValueLines line) => !line.HasColon || line.Key.Contains((byte)' ');
}
