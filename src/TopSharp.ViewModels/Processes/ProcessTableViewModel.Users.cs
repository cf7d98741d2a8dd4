namespace TopSharp.ViewModels.Processes;

/// <summary>The users the "u" filter offers.</summary>
public sealed partial class ProcessTableViewModel
{
    /// <summary>The user names of the current rows (before any filter), sorted; not escaped.</summary>
    public IReadOnlyList<string> Users
    {
        get
        {
            lock (_gate) return [.. _items.Select(i => i.Entry.User).Distinct().Order(StringComparer.Ordinal)];
        }
    }
}
