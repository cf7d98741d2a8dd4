using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Core.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Frame;

/// <summary>
/// The bottom row: the main keys (each clickable), or a message in the warning colour while one is shown.
/// Messages can carry untrusted text (an exception's message, a process name), so they are escaped.
/// </summary>
public sealed class StatusLine : View
{
    /// <summary>The actions the bar offers, in order; their keys and words come from <see cref="KeyMap"/>.</summary>
    private static readonly (KeyAction Action, string Word)[] Hints =
    [
        (KeyAction.Help, "Help"), (KeyAction.NextPane, "Pane"), (KeyAction.CycleSplit, "Split"),
        (KeyAction.CycleTheme, "Theme"), (KeyAction.Quit, "Quit"),
    ];

    private readonly List<(int Start, int End, KeyAction Action)> _spans = [];
    private string? _message;

    public StatusLine()
    {
        X = 0;
        Y = Pos.AnchorEnd(1);
        Width = Dim.Fill();
        Height = 1;
        MouseEvent += (_, m) =>
        {
            if (!m.Flags.HasFlag(MouseFlags.LeftButtonClicked) || m.Position is not { } p) return;
            foreach (var (start, end, action) in _spans)
                if (p.X >= start && p.X < end) ActionClicked?.Invoke(this, action);
            m.Handled = true;
        };
    }

    /// <summary>Raised when a key hint is clicked.</summary>
    public event EventHandler<KeyAction>? ActionClicked;

    /// <summary>The message shown instead of the key hints; null shows the hints.</summary>
    public string? Message
    {
        get => _message;
        set
        {
            _message = value is null ? null : TerminalText.Escape(value);
            SetNeedsDraw();
        }
    }

    /// <summary>The hints as drawn: the first key of each binding and a word, e.g. <c>F1</c> and <c>Help</c>.</summary>
    public static IEnumerable<(string Key, string Word, KeyAction Action)> HintTexts() =>
        Hints.Select(h => (KeyMap.All.First(b => b.Action == h.Action).KeysText.Split(' ')[0], h.Word, h.Action));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute bar = GetAttributeForRole(VisualRole.Normal);
        Attribute hot = GetAttributeForRole(VisualRole.HotNormal);
        int width = Viewport.Width;
        SetAttribute(bar);
        FillRect(new System.Drawing.Rectangle(0, 0, width, 1), new System.Text.Rune(' '));
        _spans.Clear();
        if (_message is not null)
        {
            SetAttribute(SchemeNames.Resolve(SchemeNames.Warning, bar));
            AddStr(0, 0, Clip(_message, width));
            return true;
        }
        int x = 0;
        foreach (var (key, word, action) in HintTexts())
        {
            if (x + key.Length > width) break;
            SetAttribute(hot);
            AddStr(x, 0, key);
            string rest = Clip(" " + word, width - x - key.Length);
            SetAttribute(bar);
            AddStr(x + key.Length, 0, rest);
            _spans.Add((x, x + key.Length + rest.Length, action));
            x += key.Length + rest.Length + 2;
        }
        return true;
    }

    private static string Clip(string s, int width) => width <= 0 ? "" : s.Length > width ? s[..width] : s;
}
