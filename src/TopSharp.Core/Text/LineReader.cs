namespace TopSharp.Core.Text;

/// <summary>Enumerates the '\n'-separated lines of a file with their 1-based numbers.</summary>
public ref struct LineReader
{
    private ReadOnlySpan<byte> _rest;

    public LineReader(ReadOnlySpan<byte> text) => _rest = text;

    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>1-based number of <see cref="Current"/>.</summary>
    public int LineNumber { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty) return false;
        int end = _rest.IndexOf((byte)'\n');
        if (end < 0)
        {
            Current = _rest;
            _rest = default;
        }
        else
        {
            Current = _rest[..end];
            _rest = _rest[(end + 1)..];
        }
        LineNumber++;
        return true;
    }

    public readonly LineReader GetEnumerator() => this;
}
