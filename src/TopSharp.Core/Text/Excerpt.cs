using System.Text;

namespace TopSharp.Core.Text;

/// <summary>A short, printable copy of untrusted bytes for a diagnostic: control characters become \xNN.</summary>
public static class Excerpt
{
    public const int MaxChars = 40;

    public static string Of(ReadOnlySpan<byte> text)
    {
        string decoded = Encoding.UTF8.GetString(text.Length > MaxChars * 4 ? text[..(MaxChars * 4)] : text);
        var sb = new StringBuilder(Math.Min(decoded.Length, MaxChars) + 3);
        foreach (char c in decoded)
        {
            if (sb.Length >= MaxChars) return sb.Append('…').ToString();
            if (char.IsControl(c)) sb.Append($"\\x{(int)c:x2}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
