namespace TopSharp.Core.Memory;

/// <summary>What a VMA maps: its name column in /proc/PID/maps and smaps.</summary>
public enum MappingKind
{
    /// <summary>No name: anonymous memory (an mmap without a file, or a grown brk area on old kernels).</summary>
    Anonymous,
    /// <summary>A path (a file, or a shared anonymous mapping shown as <c>/dev/zero (deleted)</c>).</summary>
    File,
    /// <summary>A kernel-named area in brackets: <c>[heap]</c>, <c>[stack]</c>, <c>[vdso]</c>, <c>[vvar]</c>, <c>[anon:name]</c>.</summary>
    Pseudo,
}

/// <summary>
/// One VMA of /proc/PID/smaps (Documentation/filesystems/proc.rst, "smaps"): the maps header and its sizes.
/// </summary>
/// <param name="Perms">The four permission letters as the kernel prints them: <c>r-xp</c>, <c>rw-s</c>.</param>
/// <param name="Offset">The file offset of <see cref="Start"/>, in bytes.</param>
/// <param name="DeviceMajor">The device of the mapped file (0 for anonymous memory).</param>
/// <param name="Mapping">
/// The name column as the kernel wrote it: a path (a newline in it is <c>\012</c>; other bytes are raw, so it is
/// untrusted), <c>[heap]</c>, or empty for anonymous memory. <c> (deleted)</c> is kept; see <see cref="Deleted"/>.
/// </param>
/// <param name="Deleted">The file was unlinked after it was mapped: the name ends in <c> (deleted)</c>.</param>
public readonly record struct Vma(
    ulong Start,
    ulong End,
    string Perms,
    ulong Offset,
    uint DeviceMajor,
    uint DeviceMinor,
    ulong Inode,
    string Mapping,
    MappingKind Kind,
    bool Deleted,
    SmapsCounters Counters)
{
    public const string DeletedSuffix = " (deleted)";

    public ulong SizeBytes => End - Start;

    /// <summary><c>fe:00</c>, as maps prints it.</summary>
    public string Device => $"{DeviceMajor:x2}:{DeviceMinor:x2}";

    /// <summary>The path without <c> (deleted)</c>; the name itself for other kinds.</summary>
    public string MappingPath => Deleted ? Mapping[..^DeletedSuffix.Length] : Mapping;

    public bool IsShared => Perms.Length == 4 && Perms[3] == 's';
}

/// <summary>/proc/PID/smaps: every VMA in address order. Empty for kernel threads and zombies.</summary>
public sealed record Smaps(IReadOnlyList<Vma> Vmas)
{
    public static Smaps Empty { get; } = new([]);

    /// <summary>The sum over every VMA (smaps_rollup says the same, read in one pass by the kernel).</summary>
    public SmapsCounters Totals
    {
        get
        {
            SmapsCounters sum = default;
            foreach (Vma v in Vmas) sum += v.Counters;
            return sum;
        }
    }
}
