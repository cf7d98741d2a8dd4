using System.Text;

namespace TopSharp.Ui.ProcessTable;

/// <summary>What the one-line input at the foot of the table is for.</summary>
public enum InputMode { None, Search, Filter }

/// <summary>Text typed into the search/filter line: printable runes only, so it can be drawn as is.</summary>
public sealed class InputLine
{
    private readonly StringBuilder _text = new();

    public InputMode Mode { get; private set; }
    public string Text => _text.ToString();

    public void Begin(InputMode mode, string initial)
    {
        Mode = mode;
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
        _text.Length -= char.IsLowSurrogate(_text[^1]) && _text.Length > 1 ? 2 : 1;
        return true;
    }

    public string Prompt(bool notFound) => Mode switch
    {
        InputMode.Search => notFound ? $"Search (not found): {Text}" : $"Search: {Text}",
        InputMode.Filter => $"Filter: {Text}",
        _ => "",
    };
}
