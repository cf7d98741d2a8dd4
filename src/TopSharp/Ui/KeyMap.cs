using Terminal.Gui.Input;

namespace TopSharp.Ui;

/// <summary>What a dashboard key does. The process table's keys live beside its view (ProcessTableKeys).</summary>
public enum KeyAction
{
    Help, Quit, CycleTheme, ShowPane, NextPane, PreviousPane, CycleSplit, SwitchSplitFocus,
    SplitShrink, SplitGrow, ToggleHeader, Faster, Slower, ShowSyscalls, Opens,
}

/// <summary>One line of the key map: the keys, what they do, and how help names them.</summary>
/// <param name="KeysText">How help and the status bar print the keys, e.g. <c>F1 h ?</c>.</param>
public sealed record DashboardKey(KeyAction Action, string KeysText, string Description, IReadOnlyList<Key> Keys);

/// <summary>
/// The single source of key bindings: the dashboard and the process table dispatch through
/// <see cref="Find"/>, and the help screen prints <see cref="All"/>. Keys follow htop where the meaning
/// overlaps (F1..F10, h, /, \, t, k, u, H, K, Space, Tab for screens).
/// </summary>
public static class KeyMap
{
    /// <summary>Panes are chosen with 1..9; <see cref="PaneNumber"/> tells which.</summary>
    private static readonly Key[] PaneKeys = [Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9];

    public static IReadOnlyList<DashboardKey> All { get; } =
    [
        new(KeyAction.Help, "F1 h ?", "this help", [Key.F1, Key.H, new Key('?')]),
        new(KeyAction.Quit, "F10 q Ctrl+C", "quit (Esc only closes dialogs)", [Key.F10, Key.Q, Key.C.WithCtrl]),
        new(KeyAction.ShowPane, "1..9", "show pane N (the tab strip numbers them)", PaneKeys),
        new(KeyAction.NextPane, "Tab", "next pane", [Key.Tab]),
        new(KeyAction.PreviousPane, "Shift+Tab", "previous pane", [Key.Tab.WithShift]),
        new(KeyAction.CycleSplit, "|", "split: one pane, side by side, stacked", [new Key('|')]),
        new(KeyAction.SwitchSplitFocus, "Ctrl+O", "move focus to the other half of the split", [Key.O.WithCtrl]),
        new(KeyAction.SplitShrink, "Alt+Left Alt+Up {", "move the split divider left/up",
            [Key.CursorLeft.WithAlt, Key.CursorUp.WithAlt, new Key('{')]),
        new(KeyAction.SplitGrow, "Alt+Right Alt+Down }", "move the split divider right/down",
            [Key.CursorRight.WithAlt, Key.CursorDown.WithAlt, new Key('}')]),
        new(KeyAction.ShowSyscalls, "s", "syscalls of the selected process (eBPF, no ptrace; root or CAP_BPF+CAP_PERFMON)", [Key.S]),
        new(KeyAction.ToggleHeader, "#", "hide or show the header meters", [new Key('#')]),
        new(KeyAction.CycleTheme, "Ctrl+T", "next colour theme", [Key.T.WithCtrl]),
        new(KeyAction.Faster, "+", "refresh faster (in tree view: expand the subtree)", [new Key('+')]),
        new(KeyAction.Slower, "-", "refresh slower (in tree view: collapse the subtree)", [new Key('-')]),
        new(KeyAction.Opens, "o", "trace the file opens of the selected process (on the cgroup pane: cgroup), live (eBPF; Esc returns)", [Key.O]),
    ];

    /// <summary>The dashboard binding that <paramref name="pressed"/> triggers, if any.</summary>
    public static DashboardKey? Find(Key pressed)
    {
        foreach (DashboardKey binding in All)
            if (binding.Keys.Any(k => Matches(pressed, k)))
                return binding;
        return null;
    }

    /// <summary>1..9 for the pane keys, else null.</summary>
    public static int? PaneNumber(Key pressed)
    {
        int i = Array.FindIndex(PaneKeys, k => Matches(pressed, k));
        return i < 0 ? null : i + 1;
    }

    /// <summary>
    /// Same key code, or the same printable character: drivers report '?' either as the character or as
    /// Shift+/, so symbols are compared by what they type.
    /// </summary>
    public static bool Matches(Key pressed, Key bound)
    {
        if (pressed == bound) return true;
        if (pressed.IsCtrl || pressed.IsAlt || bound.IsCtrl || bound.IsAlt) return false;
        System.Text.Rune typed = pressed.AsRune;
        return typed.Value != 0 && !System.Text.Rune.IsControl(typed) && typed == bound.AsRune;
    }

    /// <summary>
    /// The help screen's lines: a heading, then one line per binding (keys padded to one width) for each
    /// section. Sections are (heading, (keys, description)) so the process table's own list joins in.
    /// </summary>
    public static IReadOnlyList<string> HelpLines(IEnumerable<(string Heading, IEnumerable<(string Keys, string Text)> Rows)> sections)
    {
        var all = sections.Select(s => (s.Heading, Rows: s.Rows.ToList())).ToList();
        int width = all.SelectMany(s => s.Rows).Max(r => r.Keys.Length);
        var lines = new List<string>();
        foreach (var (heading, rows) in all)
        {
            if (lines.Count > 0) lines.Add("");
            lines.Add(heading);
            lines.AddRange(rows.Select(r => $"  {r.Keys.PadRight(width)}  {r.Text}"));
        }
        return lines;
    }

    /// <summary>The dashboard's own section of the help screen.</summary>
    public static (string Heading, IEnumerable<(string Keys, string Text)> Rows) HelpSection =>
        ("Dashboard", All.Select(b => (b.KeysText, b.Description)));
}
