using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TopSharp.Ui.Frame;

/// <summary>The help screen: every key (the dashboard's and each pane's), scrollable, closed by Esc or OK.</summary>
public static class HelpDialog
{
    public static void Show(IApplication app, IReadOnlyList<string> lines)
    {
        using var dialog = new Dialog
        {
            Title = "TopSharp keys",
            Width = Dim.Percent(90),
            Height = Dim.Percent(90),
        };
        var list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        list.SetSource(new ObservableCollection<string>(lines));
        dialog.Add(list);
        dialog.AddButton(new Button { Text = "_OK" });
        app.Run(dialog);
    }
}
