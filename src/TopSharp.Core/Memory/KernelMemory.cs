namespace TopSharp.Core.Memory;

/// <summary>The kernel's own memory files beside meminfo, as read in one pass: counters, never rates.</summary>
/// <param name="VmStat">/proc/vmstat; null when missing.</param>
/// <param name="BuddyInfo">/proc/buddyinfo; null when missing.</param>
/// <param name="Slab">/proc/slabinfo, or why it could not be read (root only).</param>
public sealed record KernelMemory(VmStat? VmStat, BuddyInfo? BuddyInfo, SlabInfoResult Slab)
{
    public static KernelMemory Read(KernelRoot root, KernelFile file, int pageSizeBytes, List<ParseDiagnostic> diagnostics) => new(
        VmStatReader.Read(root, file, diagnostics),
        BuddyInfoReader.Read(root, file, diagnostics),
        SlabInfoReader.Read(root, file, pageSizeBytes, diagnostics));
}
