using System.Diagnostics.CodeAnalysis;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>
/// /proc/slabinfo (man 5 slabinfo, version 2.1):
/// <c>kmalloc-64   2560   2560     64   64    1 : tunables    0    0    0 : slabdata     40     40      0</c>.
/// </summary>
public static class SlabInfoReader
{
    public const string Source = "slabinfo";

    public const string NeedsRoot =
        "slabinfo is readable by root only: run topsharp as root (sudo), or grant read access with 'sudo chmod 0444 /proc/slabinfo'";

    /// <summary>Header lines (<c>slabinfo - version</c>, <c># name</c>) are skipped; an unparsable line is reported and left out.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out SlabInfo value,
        List<ParseDiagnostic>? diagnostics = null, string path = "") =>
        TryParse(utf8, Environment.SystemPageSize, out value, diagnostics, path);

    /// <summary>With the page size of the machine the text came from (a captured tree's).</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, int pageSizeBytes, [MaybeNullWhen(false)] out SlabInfo value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var caches = new List<SlabCache>(256);
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            ReadOnlySpan<byte> line = lines.Current;
            if (line.IsEmpty || line.StartsWith("slabinfo -"u8) || line.StartsWith("#"u8)) continue;
            if (ParseLine(line, (ulong)pageSizeBytes) is { } cache) caches.Add(cache);
            else diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"expected 'name active num size perslab pages : tunables … : slabdata active num shared': '{Excerpt.Of(line)}'"));
        }
        value = new SlabInfo(caches);
        return true;
    }

    /// <summary>proc/slabinfo, or the reason it could not be read (not root) and how to grant it.</summary>
    public static SlabInfoResult Read(KernelRoot root, KernelFile file, int pageSizeBytes, List<ParseDiagnostic> diagnostics)
    {
        string path = root.Proc("slabinfo");
        if (!File.Exists(path)) return new(null, "no /proc/slabinfo: this kernel was built without CONFIG_SLUB_DEBUG / slabinfo");
        if (!file.TryRead(path, out ReadOnlySpan<byte> content)) return new(null, NeedsRoot);
        TryParse(content, pageSizeBytes, out SlabInfo? value, diagnostics, path);
        return new(value, null);
    }

    private static SlabCache? ParseLine(ReadOnlySpan<byte> line, ulong pageSize)
    {
        var fields = new Fields(line);
        if (!fields.MoveNext()) return null;
        ReadOnlySpan<byte> name = fields.Current;
        if (!fields.TryNextUInt64(out ulong active) || !fields.TryNextUInt64(out ulong num) || !fields.TryNextUInt64(out ulong size)
            || !fields.TryNextUInt64(out ulong perSlab) || !fields.TryNextUInt64(out ulong pages)) return null;
        int slabdata = line.IndexOf(": slabdata"u8);
        if (slabdata < 0) return null;
        var data = new Fields(line[(slabdata + ": slabdata".Length)..]);
        if (!data.TryNextUInt64(out ulong activeSlabs) || !data.TryNextUInt64(out ulong numSlabs)) return null;
        return new SlabCache(Encoding.UTF8.GetString(name), active, num, size, perSlab, pages, activeSlabs, numSlabs, pageSize);
    }
}
