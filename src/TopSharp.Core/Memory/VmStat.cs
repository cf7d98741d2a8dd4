namespace TopSharp.Core.Memory;

/// <summary>
/// The /proc/vmstat counters TopSharp shows (include/linux/vm_event_item.h names), cumulative since boot.
/// Null where this kernel lacks the counter (workingset_refault_anon/file since 5.9, compact_* without
/// CONFIG_COMPACTION, oom_kill since 4.13).
/// </summary>
public sealed record VmStat(IReadOnlyList<ulong?> Counters)
{
    /// <summary>The counters kept, in the order of <see cref="Counters"/>.</summary>
    public static IReadOnlyList<string> Names => Keys;

    internal static readonly string[] Keys =
    [
        "pgfault", "pgmajfault", "pgscan_kswapd", "pgscan_direct", "pgsteal_kswapd", "pgsteal_direct",
        "workingset_refault_anon", "workingset_refault_file", "compact_stall", "oom_kill", "pswpin", "pswpout",
    ];

    public ulong? this[string name]
    {
        get
        {
            int i = Array.IndexOf(Keys, name);
            return i < 0 ? null : Counters[i];
        }
    }
}
