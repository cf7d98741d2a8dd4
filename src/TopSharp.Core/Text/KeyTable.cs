using System.Text;

namespace TopSharp.Core.Text;

/// <summary>
/// The keys a reader takes from a key–value file, as one table: a key's index is its bit in the
/// "seen" mask, and the first <c>required</c> keys must all be seen. Unknown keys map to -1.
/// </summary>
internal static class KeyTable
{
    public static int IndexOf(ReadOnlySpan<string> keys, ReadOnlySpan<byte> key)
    {
        for (int i = 0; i < keys.Length; i++)
            if (Ascii.Equals(key, keys[i])) return i;
        return -1;
    }

    /// <summary>"missing a, b" for the required keys not in <paramref name="seen"/>; null when none is missing.</summary>
    public static string? Missing(ReadOnlySpan<string> keys, int required, uint seen)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < required; i++)
        {
            if ((seen & (1u << i)) != 0) continue;
            sb = sb is null ? new StringBuilder("missing ") : sb.Append(", ");
            sb.Append(keys[i]);
        }
        return sb?.ToString();
    }
}
