using TopSharp.Ui.ProcessTable;

namespace TopSharp.Tests.ProcessTable;

/// <summary>Prompts answered by the test: the chosen index, the marks, the confirmation; what was asked is kept.</summary>
internal sealed class ScriptedPrompts : ITablePrompts
{
    public int? Choice { get; set; }
    public bool[]? Marks { get; set; }
    public bool Confirmed { get; set; } = true;
    public List<string> Asked { get; } = [];

    public int? ChooseOne(string title, IReadOnlyList<string> items, int initial)
    {
        Asked.Add($"{title}: {string.Join("|", items)}");
        return Choice;
    }

    public bool[]? ChooseMany(string title, IReadOnlyList<string> items, IReadOnlyList<bool> initial)
    {
        Asked.Add(title);
        return Marks;
    }

    public bool Confirm(string title, string message)
    {
        Asked.Add(message);
        return Confirmed;
    }
}
