using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TopSharp.Core.Processes;
using TopSharp.Core.Text;

namespace TopSharp.Core.Numa;

/// <summary>
/// /proc/PID/numa_maps (Documentation/filesystems/proc.rst, "numa_maps"; mm/mempolicy.c show_numa_map):
/// <c>300000000 interleave:0-3 anon=16384 dirty=16384 active=0 N0=4096 N1=4096 N2=4096 N3=4096 kernelpagesize_kB=4</c>.
/// Reading it walks the process's page tables, so it is read on request (one process, or the visible rows),
/// never for every process of every pass.
/// </summary>
public static class NumaMapsReader
{
    public const string Source = "numa_maps";

    /// <summary>Above MAX_NUMNODES (1024): a larger <c>N</c> is refused.</summary>
    private const int MaxNode = 1023;

    /// <summary>An unparsable line is reported and left out; the other mappings still count.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out NumaMaps value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var vmas = new List<NumaMapsVma>();
        string lastPolicy = NumaMapsVma.DefaultPolicy;
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            if (lines.Current.IsEmpty) continue;
            if (ParseLine(lines.Current, ref lastPolicy, out NumaMapsVma? vma) is string reason)
                diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, reason));
            else
                vmas.Add(vma!);
        }
        value = vmas.Count == 0 ? NumaMaps.Empty : new NumaMaps(vmas);
        return true;
    }

    /// <summary>proc/PID/numa_maps; null when the process is gone or the file unreadable (no diagnostic: a vanished process is normal).</summary>
    public static NumaMaps? Read(KernelRoot root, KernelFile file, int pid, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "numa_maps"), TryParse, diagnostics, out NumaMaps? value) ? value : null;

    /// <summary>Null when the line parsed, else why not.</summary>
    private static string? ParseLine(ReadOnlySpan<byte> line, ref string lastPolicy, out NumaMapsVma? vma)
    {
        vma = null;
        var fields = new Fields(line);
        if (!fields.MoveNext() || !ulong.TryParse(fields.Current, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong address))
            return $"address unparsable: '{Excerpt.Of(line)}'";
        if (!fields.MoveNext()) return $"policy missing: '{Excerpt.Of(line)}'";
        ReadOnlySpan<byte> policy = fields.Current;
        ReadOnlySpan<byte> rest = fields.Rest;
        // Two policy names hold a space: "prefer (many)" and "weighted interleave".
        if ((policy.SequenceEqual("prefer"u8) && rest.StartsWith("(many)"u8))
            || (policy.SequenceEqual("weighted"u8) && rest.StartsWith("interleave"u8)))
        {
            fields.MoveNext();
            line.Overlaps(policy, out int start);
            line.Overlaps(fields.Current, out int second);
            policy = line[start..(second + fields.Current.Length)];
            rest = fields.Rest;
        }
        if (!Ascii.Equals(policy, lastPolicy)) lastPolicy = Encoding.UTF8.GetString(policy);

        string? file = null;
        ulong anon = 0, dirty = 0, pageSizeKb = 0;
        Span<ulong> pages = stackalloc ulong[MaxNode + 1];
        int maxNode = -1;
        var pairs = new KeyEqualsValueFields(rest);
        while (pairs.MoveNext())
        {
            ReadOnlySpan<byte> key = pairs.Key;
            if (key.SequenceEqual("file"u8))
            {
                file = Encoding.UTF8.GetString(pairs.Value);
                continue;
            }
            bool ok = key switch
            {
                _ when key.SequenceEqual("anon"u8) => Number.TryParseUInt64(pairs.Value, out anon),
                _ when key.SequenceEqual("dirty"u8) => Number.TryParseUInt64(pairs.Value, out dirty),
                _ when key.SequenceEqual("kernelpagesize_kB"u8) => Number.TryParseUInt64(pairs.Value, out pageSizeKb) && pageSizeKb > 0,
                [(byte)'N', ..] => TryAddNode(key[1..], pairs.Value, pages, ref maxNode),
                _ => true,
            };
            if (!ok) return $"{Excerpt.Of(key)} unparsable: '{Excerpt.Of(pairs.Value)}'";
        }
        if (maxNode >= 0 && pageSizeKb == 0) return $"N<node>= counts without kernelpagesize_kB: '{Excerpt.Of(line)}'";

        var bytes = new List<NodeBytes>();
        for (int n = 0; n <= maxNode; n++)
            if (pages[n] > 0) bytes.Add(new NodeBytes(n, pages[n] * pageSizeKb * 1024));
        vma = new NumaMapsVma(address, lastPolicy, file, anon, dirty, pageSizeKb * 1024, bytes);
        return null;
    }

    /// <summary><c>N1=51200</c>: the node number after the N, and its page count.</summary>
    private static bool TryAddNode(ReadOnlySpan<byte> node, ReadOnlySpan<byte> count, Span<ulong> pages, ref int maxNode)
    {
        if (!Number.TryParseInt32(node, out int n) || n < 0 || n > MaxNode || !Number.TryParseUInt64(count, out ulong p)) return false;
        pages[n] += p;
        maxNode = Math.Max(maxNode, n);
        return true;
    }
}
