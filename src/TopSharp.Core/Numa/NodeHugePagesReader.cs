using System.Globalization;
using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// /sys/devices/system/node/nodeN/hugepages/hugepages-2048kB/{nr_hugepages,free_hugepages,surplus_hugepages}
/// (Documentation/admin-guide/mm/hugetlbpage.rst): one directory per huge page size, each file one count.
/// </summary>
public static class NodeHugePagesReader
{
    public const string Source = "hugepages";

    private const string Prefix = "hugepages-", Suffix = "kB";

    /// <summary><c>hugepages-1048576kB</c>: the page size in bytes; false for any other name.</summary>
    public static bool TryParseSize(ReadOnlySpan<char> directoryName, out ulong bytes)
    {
        bytes = 0;
        if (!directoryName.StartsWith(Prefix, StringComparison.Ordinal) || !directoryName.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        ReadOnlySpan<char> kb = directoryName[Prefix.Length..^Suffix.Length];
        if (!ulong.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value == 0) return false;
        bytes = value * 1024;
        return true;
    }

    /// <summary>One count file: <c>16</c> and a newline.</summary>
    public static bool TryParseCount(ReadOnlySpan<byte> utf8, out ulong value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var lines = new LineReader(utf8);
        if (lines.MoveNext() && Number.TryParseUInt64(lines.Current.Trim((byte)' '), out value)) return true;
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected a count: '{Excerpt.Of(utf8.TrimEnd((byte)'\n'))}'"));
        value = 0;
        return false;
    }

    /// <summary>
    /// Every page size of nodeN, smallest first; empty, with no diagnostic, on a kernel without hugetlbfs
    /// (no directory). A pool with a count missing or unparsable is reported and left out.
    /// </summary>
    public static IReadOnlyList<HugePagePool> Read(KernelRoot root, KernelFile file, int node, List<ParseDiagnostic> diagnostics)
    {
        var dir = new DirectoryInfo(NodePath.Of(root, node, "hugepages"));
        if (!dir.Exists) return [];
        var pools = new List<HugePagePool>();
        foreach (DirectoryInfo size in dir.EnumerateDirectories())
        {
            if (!TryParseSize(size.Name, out ulong bytes)) continue;
            if (Count(file, size, "nr_hugepages", diagnostics) is { } total
                && Count(file, size, "free_hugepages", diagnostics) is { } free
                && Count(file, size, "surplus_hugepages", diagnostics) is { } surplus)
                pools.Add(new HugePagePool(bytes, total, free, surplus));
        }
        pools.Sort((a, b) => a.PageSizeBytes.CompareTo(b.PageSizeBytes));
        return pools;
    }

    private static ulong? Count(KernelFile file, DirectoryInfo size, string name, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, Path.Combine(size.FullName, name), Source, TryParseCount, diagnostics, out ulong value) ? value : null;
}
