namespace TopSharp.Ui.ProcessTable;

/// <summary>
/// The table's modal questions. Dialogs run a nested main loop, so the view asks through this
/// interface and tests answer without one.
/// </summary>
public interface ITablePrompts
{
    /// <summary>Index of the chosen item, or null when cancelled.</summary>
    int? ChooseOne(string title, IReadOnlyList<string> items, int initial);

    /// <summary>The items left checked, or null when cancelled.</summary>
    bool[]? ChooseMany(string title, IReadOnlyList<string> items, IReadOnlyList<bool> initial);

    bool Confirm(string title, string message);
}
