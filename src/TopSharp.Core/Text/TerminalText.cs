using System.Text;

namespace TopSharp.Core.Text;

/// <summary>
/// Makes an untrusted string (comm, cmdline, user, cgroup path) safe to write to a terminal: every
/// character that a terminal would act on instead of print becomes a visible escape.
/// C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F) are replaced:
/// <c>\e</c> for ESC, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\0</c>, otherwise <c>\xHH</c> for C0/DEL
/// and <c>\uHHHH</c> for C1 (U+009B is CSI, an escape sequence on its own). The line and paragraph
/// separators and the bidirectional overrides/isolates, which reorder or break what follows
/// them, are shown as <c>\uHHHH</c> too.
/// A backslash is left as it is: systemd writes <c>\x2d</c> into unit and cgroup names, and those
/// should read as <c>systemctl</c> shows them. The price is that a literal <c>\n</c> in a name
/// looks like an escaped newline; nothing is executed either way.
/// </summary>
public static class TerminalText
{
    /// <summary>The string itself when nothing needs escaping (no allocation), else an escaped copy.</summary>
    public static string Escape(string text)
    {
        int first = IndexOfUnsafe(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text.AsSpan(0, first));
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (NeedsEscape(c)) AppendEscape(sb, c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when <paramref name="c"/> would be acted on by a terminal rather than printed.</summary>
    public static bool NeedsEscape(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (NeedsEscape(text[i])) return i;
        return -1;
    }

    private static void AppendEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\x1b': sb.Append("\\e"); break;
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            case '\0': sb.Append("\\0"); break;
            case <= '\x7f': sb.Append("\\x").Append(((int)c).ToString("x2")); break;
            default: sb.Append("\\u").Append(((int)c).ToString("x4")); break;
        }
    }
}
