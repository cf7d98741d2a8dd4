namespace TopSharp.Core.Text;

/// <summary>
/// The <c>Key:   value [kB]</c> format of /proc/meminfo, /proc/PID/status and smaps entries.
/// <see cref="Value"/> is the text after the colon, blanks trimmed, unit kept.
/// </summary>
public ref struct KeyColonValueLines
{
    private LineReader _lines;

    public KeyColonValueLines(ReadOnlySpan<byte> text) => _lines = new LineReader(text);

    public ReadOnlySpan<byte> Key { get; private set; }
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Everything after the colon, untrimmed: for values whose blanks matter (status <c>Name:</c>).</summary>
    public ReadOnlySpan<byte> RawValue { get; private set; }

    /// <summary>The whole current line: for formats that mix key lines with other lines (smaps VMA headers).</summary>
    public ReadOnlySpan<byte> Line { get; private set; }

    public readonly int LineNumber => _lines.LineNumber;

    /// <summary>False when the current line has no colon; Key and Value are then empty.</summary>
    public bool HasColon { get; private set; }

    public bool MoveNext()
    {
        while (_lines.MoveNext())
        {
            ReadOnlySpan<byte> line = _lines.Current;
            if (line.IsEmpty) continue;
            Line = line;
            int colon = line.IndexOf((byte)':');
            HasColon = colon >= 0;
            Key = HasColon ? line[..colon] : line;
            RawValue = HasColon ? line[(colon + 1)..] : default;
            Value = RawValue.Trim(" \t"u8);
            return true;
        }
        return false;
    }

    public readonly bool TryValueUInt64(out ulong value) => Number.TryParseUInt64(Value, out value);

    /// <summary>Parses <see cref="Value"/> as a number followed by an optional <c>kB</c>, in bytes.</summary>
    public readonly bool TryValueBytes(out ulong bytes)
    {
        ReadOnlySpan<byte> v = Value;
        ulong scale = 1;
        if (v.EndsWith(" kB"u8))
        {
            v = v[..^3].TrimEnd((byte)' ');
            scale = 1024;
        }
        bool ok = Number.TryParseUInt64(v, out ulong n) && n <= ulong.MaxValue / scale;
        bytes = ok ? n * scale : 0;
        return ok;
    }

    /// <summary>Whether the value carries the <c>kB</c> unit (a size) or none (a count).</summary>
    public readonly bool ValueIsKilobytes => Value.EndsWith(" kB"u8);

    public readonly KeyColonValueLines GetEnumerator() => this;
}
