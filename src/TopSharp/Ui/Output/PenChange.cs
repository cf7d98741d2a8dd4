using System.Text;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Output;

/// <summary>
/// One SGR sequence (ECMA-48 <c>ESC[…m</c>) that turns the terminal's current attribute into another,
/// naming only what changed: the foreground, the background, the styles switched off and on. Terminal.Gui
/// 2.5.0 sends the foreground and the background as two sequences at every change, and again at the start
/// of each frame.
/// </summary>
internal static class PenChange
{
    /// <summary>
    /// Appends the change from <paramref name="from"/> (null: not known, so reset first) to
    /// <paramref name="to"/>. 16 colours (<paramref name="force16Colors"/>) are sent as the 30–37/90–97
    /// codes, others as 24-bit <c>38;2;r;g;b</c>; <see cref="Color.None"/> as the terminal's default.
    /// </summary>
    public static void Append(StringBuilder output, Attribute? from, Attribute to, bool force16Colors)
    {
        output.Append("\e[");
        int start = output.Length;
        if (from is null) output.Append('0');
        if (from?.Foreground != to.Foreground) AppendColor(output, start, to.Foreground, force16Colors, background: false);
        if (from?.Background != to.Background) AppendColor(output, start, to.Background, force16Colors, background: true);
        AppendStyleChange(output, start, from?.Style ?? TextStyle.None, to.Style);
        output.Append('m');
    }

    private static void AppendColor(StringBuilder output, int start, Color color, bool force16Colors, bool background)
    {
        Separate(output, start);
        if (color == Color.None) output.Append(background ? 49 : 39);
        else if (force16Colors) output.Append((int)color.GetAnsiColorCode() + (background ? 10 : 0));
        else output.Append(background ? "48;2;" : "38;2;").Append(color.R).Append(';').Append(color.G).Append(';').Append(color.B);
    }

    /// <summary>Bold and faint share one "off" code (22), so switching one off switches the other on again if it stays.</summary>
    private static void AppendStyleChange(StringBuilder output, int start, TextStyle before, TextStyle after)
    {
        TextStyle off = before & ~after, on = after & ~before;
        if ((off & (TextStyle.Bold | TextStyle.Faint)) != 0)
        {
            AppendCode(output, start, 22);
            on |= after & (TextStyle.Bold | TextStyle.Faint);
        }
        if ((off & TextStyle.Italic) != 0) AppendCode(output, start, 23);
        if ((off & TextStyle.Underline) != 0) AppendCode(output, start, 24);
        if ((off & TextStyle.Blink) != 0) AppendCode(output, start, 25);
        if ((off & TextStyle.Reverse) != 0) AppendCode(output, start, 27);
        if ((off & TextStyle.Strikethrough) != 0) AppendCode(output, start, 29);
        if ((on & TextStyle.Bold) != 0) AppendCode(output, start, 1);
        if ((on & TextStyle.Faint) != 0) AppendCode(output, start, 2);
        if ((on & TextStyle.Italic) != 0) AppendCode(output, start, 3);
        if ((on & TextStyle.Underline) != 0) AppendCode(output, start, 4);
        if ((on & TextStyle.Blink) != 0) AppendCode(output, start, 5);
        if ((on & TextStyle.Reverse) != 0) AppendCode(output, start, 7);
        if ((on & TextStyle.Strikethrough) != 0) AppendCode(output, start, 9);
    }

    private static void AppendCode(StringBuilder output, int start, int code)
    {
        Separate(output, start);
        output.Append(code);
    }

    private static void Separate(StringBuilder output, int start)
    {
        if (output.Length > start) output.Append(';');
    }
}
