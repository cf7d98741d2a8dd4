using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TopSharp.Ui;

/// <summary>
/// The custom schemes every file in themes/ defines, and their lookup. A theme that lacks one falls back
/// to the view's own Normal colours, so a partial theme still draws.
/// </summary>
public static class SchemeNames
{
    public const string CpuUser = "TopSharp.Cpu.User";
    public const string CpuNice = "TopSharp.Cpu.Nice";
    public const string CpuSystem = "TopSharp.Cpu.System";
    public const string CpuIrq = "TopSharp.Cpu.Irq";
    public const string CpuSoftirq = "TopSharp.Cpu.Softirq";
    public const string CpuSteal = "TopSharp.Cpu.Steal";
    public const string CpuIowait = "TopSharp.Cpu.Iowait";
    public const string MemUsed = "TopSharp.Mem.Used";
    public const string MemBuffers = "TopSharp.Mem.Buffers";
    public const string MemShared = "TopSharp.Mem.Shared";
    public const string MemCache = "TopSharp.Mem.Cache";
    public const string SwapUsed = "TopSharp.Swap.Used";
    public const string MeterLabel = "TopSharp.Meter.Label";
    public const string MeterValue = "TopSharp.Meter.Value";
    public const string MeterBracket = "TopSharp.Meter.Bracket";
    public const string Warning = "TopSharp.Warning";
    public const string Tab = "TopSharp.Tab";
    public const string TabActive = "TopSharp.Tab.Active";

    public static IReadOnlyList<string> All { get; } =
    [
        CpuUser, CpuNice, CpuSystem, CpuIrq, CpuSoftirq, CpuSteal, CpuIowait, MemUsed, MemBuffers, MemShared, MemCache, SwapUsed,
        MeterLabel, MeterValue, MeterBracket, Warning, Tab, TabActive,
    ];

    /// <summary>The Normal attribute of <paramref name="scheme"/> in the current theme, else <paramref name="fallback"/>.</summary>
    public static Attribute Resolve(string scheme, Attribute fallback) =>
        SchemeManager.TryGetScheme(scheme, out Scheme? s) && s is not null ? s.GetAttributeForRole(VisualRole.Normal) : fallback;
}
