namespace TopSharp.Core.Text;

/// <summary>
/// The <c>key value</c> format of /proc/vmstat, numastat, cgroup cpu.stat and memory.stat,
/// and /proc/PID/io (<c>key: value</c>: a trailing colon on the key is dropped).
/// </summary>
public ref struct KeyValueLines
{
    private LineReader _lines;

    public KeyValueLines(ReadOnlySpan<byte> text) => _lines = new LineReader(text);

    public ReadOnlySpan<byte> Key { get; private set; }
    public ReadOnlySpan<byte> Value { get; private set; }
    public readonly int LineNumber => _lines.LineNumber;

    public bool MoveNext()
    {
        while (_lines.MoveNext())
        {
            var fields = new Fields(_lines.Current);
            if (!fields.MoveNext()) continue;
            Key = fields.Current.TrimEnd((byte)':');
            Value = fields.Rest.TrimEnd(" \t"u8);
            return true;
        }
        return false;
    }

    public readonly bool TryValueUInt64(out ulong value) => Number.TryParseUInt64(Value, out value);

    public readonly KeyValueLines GetEnumerator() => this;
}
