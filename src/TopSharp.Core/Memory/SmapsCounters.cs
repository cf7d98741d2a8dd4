namespace TopSharp.Core.Memory;

/// <summary>
/// The sizes of one smaps entry or of smaps_rollup (Documentation/filesystems/proc.rst, "smaps"), in bytes.
/// Pss_Anon/Pss_File/Pss_Shmem are only in smaps_rollup and, since 5.x, in smaps too; absent ones read 0.
/// Not kept: KernelPageSize, MMUPageSize, Pss_Dirty, Referenced, KSM, LazyFree, *PmdMapped, *_Hugetlb, THPeligible, VmFlags.
/// </summary>
public readonly record struct SmapsCounters(
    ulong SizeBytes,
    ulong RssBytes,
    ulong PssBytes,
    ulong PssAnonBytes,
    ulong PssFileBytes,
    ulong PssShmemBytes,
    ulong SharedCleanBytes,
    ulong SharedDirtyBytes,
    ulong PrivateCleanBytes,
    ulong PrivateDirtyBytes,
    ulong AnonymousBytes,
    ulong AnonHugePagesBytes,
    ulong SwapBytes,
    ulong SwapPssBytes,
    ulong LockedBytes)
{
    /// <summary>Private_Clean + Private_Dirty: what this process alone holds resident.</summary>
    public ulong PrivateBytes => PrivateCleanBytes + PrivateDirtyBytes;

    /// <summary>Shared_Clean + Shared_Dirty.</summary>
    public ulong SharedBytes => SharedCleanBytes + SharedDirtyBytes;

    public static SmapsCounters operator +(SmapsCounters a, SmapsCounters b) => new(
        a.SizeBytes + b.SizeBytes, a.RssBytes + b.RssBytes, a.PssBytes + b.PssBytes,
        a.PssAnonBytes + b.PssAnonBytes, a.PssFileBytes + b.PssFileBytes, a.PssShmemBytes + b.PssShmemBytes,
        a.SharedCleanBytes + b.SharedCleanBytes, a.SharedDirtyBytes + b.SharedDirtyBytes,
        a.PrivateCleanBytes + b.PrivateCleanBytes, a.PrivateDirtyBytes + b.PrivateDirtyBytes,
        a.AnonymousBytes + b.AnonymousBytes, a.AnonHugePagesBytes + b.AnonHugePagesBytes,
        a.SwapBytes + b.SwapBytes, a.SwapPssBytes + b.SwapPssBytes, a.LockedBytes + b.LockedBytes);

    /// <summary>The number of kept fields: the length of the slot span <see cref="SlotOf"/> indexes.</summary>
    internal const int Slots = 15;

    /// <summary>
    /// The slot of a kept smaps key, in the order of the constructor's parameters; -1 for any other key.
    /// Switches on length first: most of the 25 lines of an entry are settled without comparing bytes.
    /// </summary>
    internal static int SlotOf(ReadOnlySpan<byte> key) => key.Length switch
    {
        3 => key.SequenceEqual("Rss"u8) ? 1 : key.SequenceEqual("Pss"u8) ? 2 : -1,
        4 => key.SequenceEqual("Size"u8) ? 0 : key.SequenceEqual("Swap"u8) ? 12 : -1,
        6 => key.SequenceEqual("Locked"u8) ? 14 : -1,
        7 => key.SequenceEqual("SwapPss"u8) ? 13 : -1,
        8 => key.SequenceEqual("Pss_Anon"u8) ? 3 : key.SequenceEqual("Pss_File"u8) ? 4 : -1,
        9 => key.SequenceEqual("Pss_Shmem"u8) ? 5 : key.SequenceEqual("Anonymous"u8) ? 10 : -1,
        12 => key.SequenceEqual("Shared_Clean"u8) ? 6 : key.SequenceEqual("Shared_Dirty"u8) ? 7 : -1,
        13 => key.SequenceEqual("Private_Clean"u8) ? 8 : key.SequenceEqual("Private_Dirty"u8) ? 9
            : key.SequenceEqual("AnonHugePages"u8) ? 11 : -1,
        _ => -1,
    };

    internal static SmapsCounters FromSlots(ReadOnlySpan<ulong> s) =>
        new(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14]);
}
