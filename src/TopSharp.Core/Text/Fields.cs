using System.Buffers.Text;

namespace TopSharp.Core.Text;

/// <summary>Splits a line into fields separated by runs of spaces or tabs.</summary>
public ref struct Fields
{
    private ReadOnlySpan<byte> _rest;

    public Fields(ReadOnlySpan<byte> line) => _rest = line;

    public ReadOnlySpan<byte> Current { get; private set; }

    public bool MoveNext()
    {
        int start = 0;
        while (start < _rest.Length && IsBlank(_rest[start])) start++;
        if (start == _rest.Length)
        {
            _rest = default;
            return false;
        }
        int end = start;
        while (end < _rest.Length && !IsBlank(_rest[end])) end++;
        Current = _rest[start..end];
        _rest = _rest[end..];
        return true;
    }

    /// <summary>The next field as an unsigned number; false when missing or not a number.</summary>
    public bool TryNextUInt64(out ulong value)
    {
        value = 0;
        return MoveNext() && Number.TryParseUInt64(Current, out value);
    }

    /// <summary>The next field as a signed number; false when missing or not a number.</summary>
    public bool TryNextInt64(out long value)
    {
        value = 0;
        return MoveNext() && Number.TryParseInt64(Current, out value);
    }

    /// <summary>What is left after the fields read so far, leading blanks removed.</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest.TrimStart(" \t"u8);

    public readonly Fields GetEnumerator() => this;

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';
}

/// <summary>Whole-span number parsing of UTF-8 digits: a field is a number only if all of it is.</summary>
public static class Number
{
    public static bool TryParseUInt64(ReadOnlySpan<byte> text, out ulong value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;

    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;

    public static bool TryParseUInt32(ReadOnlySpan<byte> text, out uint value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;

    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;

    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;
}
