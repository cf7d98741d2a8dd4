namespace TopSharp.Core.Text;

/// <summary>
/// The <c>key=value key=value</c> fields of one line, as in PSI (<c>some avg10=0.00 … total=0</c>)
/// and numa_maps (<c>anon=51200 N1=51200</c>). Fields without '=' are skipped.
/// </summary>
public ref struct KeyEqualsValueFields
{
    private Fields _fields;

    public KeyEqualsValueFields(ReadOnlySpan<byte> line) => _fields = new Fields(line);

    public ReadOnlySpan<byte> Key { get; private set; }
    public ReadOnlySpan<byte> Value { get; private set; }

    public bool MoveNext()
    {
        while (_fields.MoveNext())
        {
            ReadOnlySpan<byte> field = _fields.Current;
            int eq = field.IndexOf((byte)'=');
            if (eq < 0) continue;
            Key = field[..eq];
            Value = field[(eq + 1)..];
            return true;
        }
        return false;
    }

    public readonly KeyEqualsValueFields GetEnumerator() => this;
}
