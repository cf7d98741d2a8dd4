using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TopSharp.Ui.Frame;
using TopSharp.ViewModels.Memory;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace TopSharp.Ui.Memory;

/// <summary>The kernel memory pane: a meminfo bar, then <see cref="KernelMemoryText"/>; owns its view model.</summary>
public sealed class KernelMemoryPaneView : StatePane<KernelMemoryState>
{
    private static readonly Color[] PartColors =
    [
        Color.BrightGreen, Color.BrightBlue, Color.Blue, Color.BrightMagenta, Color.Cyan, Color.BrightRed,
        Color.Yellow, Color.Red, Color.Magenta, Color.DarkGray,
    ];

    private readonly KernelMemoryViewModel _vm;

    public KernelMemoryPaneView(KernelMemoryViewModel vm, SynchronizationContext? ui) : base(vm, vm.State, ui) => _vm = vm;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        KernelMemoryState s = State;
        int width = Viewport.Width;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        Move(0, 0);
        AddStr("[");
        int[] cells = KernelMemoryText.BarCells(s, Math.Max(0, width - 2));
        foreach (int part in cells)
        {
            SetAttribute(part < 0 ? normal : new Attribute(PartColors[part % PartColors.Length], normal.Background));
            AddStr(part < 0 ? " " : KernelMemoryText.Symbols[part % KernelMemoryText.Symbols.Length].ToString());
        }
        SetAttribute(normal);
        if (width >= 2) AddStr("]");
        List<string> lines = [KernelMemoryText.Legend(s), .. KernelMemoryText.Lines(s, width, Viewport.Height - 2)];
        for (int y = 1; y < Viewport.Height; y++)
        {
            string text = y - 1 < lines.Count ? lines[y - 1] : "";
            Move(0, y);
            AddStr(text.Length > width ? text[..width] : text.PadRight(width));
        }
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key != Key.F6 && !KeyMap.Matches(key, new Key('>'))) return false;
        _vm.NextSlabSort();
        SetNeedsDraw();
        return true;
    }
}
