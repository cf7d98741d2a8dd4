using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Core.Text;
using TopSharp.Ui.ProcessTable;
using TopSharp.ViewModels.Status;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui.Frame;

/// <summary>
/// The bottom row: the main keys (each clickable) and the status message after them (warnings in their
/// colour); when both do not fit, the message takes the row.
/// Messages can carry untrusted text (an exception's message, a process name), so they are escaped.
/// </summary>
public sealed class StatusLine : View
{
    /// <summary>
    /// What the bar offers, in order, like htop's function-key bar: a dashboard action
    /// (<see cref="KeyAction"/>) or a process-table command (<see cref="TableCommand"/>).
    /// Their keys come from <see cref="KeyMap"/> and <see cref="ProcessTableKeys"/>.
    /// </summary>
    private static readonly (Enum Command, string Word)[] Hints =
    [
        (KeyAction.Help, "Help"), (TableCommand.Setup, "Setup"), (TableCommand.Search, "Search"),
        (TableCommand.Filter, "Filter"), (TableCommand.Tree, "Tree"), (TableCommand.SortMenu, "Sort"),
        (TableCommand.NiceDown, "Nice-"), (TableCommand.NiceUp, "Nice+"), (TableCommand.Kill, "Kill"),
        (KeyAction.Quit, "Quit"), (KeyAction.NextPane, "Pane"), (KeyAction.CycleSplit, "Split"),
        (KeyAction.CycleTheme, "Theme"),
    ];

    private readonly List<(int Start, int End, Enum Command)> _spans = [];
    private string? _message;
    private bool _warning;

    public StatusLine()
    {
        X = 0;
        Y = Pos.AnchorEnd(1);
        Width = Dim.Fill();
        Height = 1;
        MouseEvent += (_, m) =>
        {
            if (!m.Flags.HasFlag(MouseFlags.LeftButtonClicked) || m.Position is not { } p) return;
            foreach (var (start, end, command) in _spans)
                if (p.X >= start && p.X < end) CommandClicked?.Invoke(this, command);
            m.Handled = true;
        };
    }

    /// <summary>Raised when a key hint is clicked: a <see cref="KeyAction"/> or a <see cref="TableCommand"/>.</summary>
    public event EventHandler<Enum>? CommandClicked;

    /// <summary>The message shown instead of the key hints; null while the hints show.</summary>
    public string? Message => _message;

    /// <summary>Shows the status view model's line, or the key hints when it is empty.</summary>
    public void Show(StatusState state)
    {
        _message = state.Level == StatusLevel.None || state.Text.Length == 0 ? null : TerminalText.Escape(state.Text);
        _warning = state.Level == StatusLevel.Warning;
        SetNeedsDraw();
    }

    /// <summary>The hints as drawn: the first key of each binding and a word, e.g. <c>F1</c> and <c>Help</c>.</summary>
    public static IEnumerable<(string Key, string Word, Enum Command)> HintTexts() =>
        Hints.Select(h => (KeysText(h.Command).Split(' ')[0], h.Word, h.Command));

    private static string KeysText(Enum command) => command switch
    {
        KeyAction action => KeyMap.All.First(b => b.Action == action).KeysText,
        TableCommand table => ProcessTableKeys.All.First(b => b.Command == table).Keys,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>The key hints' width: the message goes after them when both fit, else it takes the row.</summary>
    private static int HintsWidth => HintTexts().Sum(h => h.Key.Length + 1 + h.Word.Length + 2);

    /// <summary>Every cell is filled by <see cref="OnDrawingContent"/>: Terminal.Gui's own clearing first would fill them twice.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute bar = GetAttributeForRole(VisualRole.Normal);
        Attribute hot = GetAttributeForRole(VisualRole.HotNormal);
        int width = Viewport.Width;
        SetAttribute(bar);
        FillRect(new System.Drawing.Rectangle(0, 0, width, 1), new System.Text.Rune(' '));
        _spans.Clear();
        int x = 0;
        if (_message is null || HintsWidth + _message.Length <= width)
        {
            foreach (var (key, word, command) in HintTexts())
            {
                if (x + key.Length > width) break;
                SetAttribute(hot);
                AddStr(x, 0, key);
                string rest = Clip(" " + word, width - x - key.Length);
                SetAttribute(bar);
                AddStr(x + key.Length, 0, rest);
                _spans.Add((x, x + key.Length + rest.Length, command));
                x += key.Length + rest.Length + 2;
            }
        }
        if (_message is not null)
        {
            SetAttribute(_warning ? SchemeNames.Resolve(SchemeNames.Warning, bar) : bar);
            AddStr(x, 0, Clip(_message, width - x));
        }
        return true;
    }

    private static string Clip(string s, int width) => width <= 0 ? "" : s.Length > width ? s[..width] : s;
}
