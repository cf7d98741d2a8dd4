using System.Text;

namespace TopSharp.Ui.ProcessTable;

/// <summary>The one-line search or filter input at the foot of the table.</summary>
public enum InputMode { None, Search, Filter }

/// <summary>Text typed into the search/filter line: printable runes only, so it can be drawn as is.</summary>
public sealed class InputLine
{
    private readonly StringBuilder _text = new();

    public InputMode Mode { get; private set; }
    public string Text => _text.ToString();
    /// <summary>Set when the last search found nothing, so the line can say so.</summary>
    public bool NotFound { get; set; }

    public void Begin(InputMode mode, string initial)
    {
        Mode = mode;
        NotFound = false;
        _text.Clear().Append(initial);
    }

    public void End() => Mode = InputMode.None;

    public bool Append(Rune rune)
    {
        if (Rune.IsControl(rune)) return false;
        _text.Append(rune.ToString());
        return true;
    }

    public bool Backspace()
    {
        if (_text.Length == 0) return false;
        int cut = char.IsLowSurrogate(_text[^1]) && _text.Length > 1 ? 2 : 1;
        _text.Length -= cut;
        return true;
    }

    public string Prompt => Mode switch
    {
        InputMode.Search => NotFound ? $"Search (not found): {Text}" : $"Search: {Text}",
        InputMode.Filter => $"Filter: {Text}",
        _ => "",
    };
}
