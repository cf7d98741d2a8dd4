using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TopSharp.Ui.ProcessTable;

/// <summary>The table's questions as Terminal.Gui dialogs: a list to pick from, a list to mark, a yes/no box.</summary>
public sealed class DialogPrompts(IApplication app) : ITablePrompts
{
    private const int Ok = 1;

    public int? ChooseOne(string title, IReadOnlyList<string> items, int initial)
    {
        var list = NewList(items);
        list.Value = Math.Clamp(initial, 0, Math.Max(0, items.Count - 1));
        int? chosen = null;
        using var dialog = NewDialog(title, list, items);
        list.Accepting += (_, e) => { chosen = list.Value; dialog.RequestStop(); e.Handled = true; };
        app.Run(dialog);
        return dialog.Result == Ok ? list.Value : chosen;
    }

    public bool[]? ChooseMany(string title, IReadOnlyList<string> items, IReadOnlyList<bool> initial)
    {
        var list = NewList(items);
        list.ShowMarks = true;
        list.MarkMultiple = true;
        for (int i = 0; i < items.Count; i++) list.Source!.SetMark(i, initial[i]);
        list.Value = 0;
        using var dialog = NewDialog(title + " (Space marks)", list, items);
        app.Run(dialog);
        return dialog.Result == Ok ? Enumerable.Range(0, items.Count).Select(i => list.Source!.IsMarked(i)).ToArray() : null;
    }

    public bool Confirm(string title, string message) =>
        MessageBox.Query(app, title, message, "_Cancel", "_OK") == Ok;

    private static ListView NewList(IReadOnlyList<string> items)
    {
        var list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        list.SetSource(new ObservableCollection<string>(items));
        return list;
    }

    private static Dialog NewDialog(string title, ListView list, IReadOnlyList<string> items)
    {
        int width = Math.Max(title.Length, items.Count == 0 ? 0 : items.Max(i => i.Length)) + 6;
        var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Auto(minimumContentDim: Math.Min(width, 70), maximumContentDim: Dim.Percent(90)),
            Height = Dim.Auto(minimumContentDim: Math.Min(items.Count + 3, 20), maximumContentDim: Dim.Percent(80)),
        };
        dialog.Add(list);
        dialog.AddButton(new Button { Text = "_Cancel" });
        dialog.AddButton(new Button { Text = "_OK" });
        return dialog;
    }
}
