using TopSharp.Ui.ProcessTable;

namespace TopSharp.Ui;

/// <summary>The help screen: the dashboard's keys, then each pane's.</summary>
public static class HelpText
{
    public static IReadOnlyList<string> Lines() => KeyMap.HelpLines(
    [
        KeyMap.HelpSection,
        ("Process table", ProcessTableKeys.All.Select(b => (b.Keys, b.Help))),
        ("Opens view (o)", Opens.OpensView.Help),
        ("Syscalls pane", Syscalls.SyscallsPaneView.Help),
        ("Memory map (m or Enter on the process table)", Memory.MemoryMapText.HelpKeys),
        ("Cgroup pane", Cgroups.CgroupTreeView.Help),
        ("Memory pane", [("F6 >", "sort the slab caches by memory, objects, active ratio")]),
    ]);
}
