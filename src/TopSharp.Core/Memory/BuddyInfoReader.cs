using System.Diagnostics.CodeAnalysis;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>/proc/buddyinfo (Documentation/filesystems/proc.rst, "buddyinfo"): <c>Node 0, zone   Normal   3 1 0 …</c>.</summary>
public static class BuddyInfoReader
{
    public const string Source = "buddyinfo";

    private static readonly string[] ZoneNames = ["DMA", "DMA32", "Normal", "HighMem", "Movable", "Device"];

    /// <summary>An unparsable line is reported and left out.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out BuddyInfo value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var zones = new List<BuddyZone>();
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            if (lines.Current.IsEmpty) continue;
            if (ParseLine(lines.Current) is { } zone) zones.Add(zone);
            else diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"expected 'Node N, zone NAME counts…': '{Excerpt.Of(lines.Current)}'"));
        }
        value = new BuddyInfo(zones);
        return true;
    }

    /// <summary>proc/buddyinfo; null, with a diagnostic, when it is missing.</summary>
    public static BuddyInfo? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("buddyinfo"), Source, TryParse, diagnostics, out BuddyInfo? value) ? value : null;

    private static BuddyZone? ParseLine(ReadOnlySpan<byte> line)
    {
        var fields = new Fields(line);
        if (!fields.MoveNext() || !fields.Current.SequenceEqual("Node"u8)) return null;
        if (!fields.MoveNext() || !Number.TryParseInt32(fields.Current.TrimEnd((byte)','), out int node)) return null;
        if (!fields.MoveNext() || !fields.Current.SequenceEqual("zone"u8)) return null;
        if (!fields.MoveNext()) return null;
        int known = KeyTable.IndexOf(ZoneNames, fields.Current);
        string zone = known >= 0 ? ZoneNames[known] : Encoding.UTF8.GetString(fields.Current);
        var counts = new List<ulong>(11);
        while (fields.MoveNext())
        {
            if (!Number.TryParseUInt64(fields.Current, out ulong n)) return null;
            counts.Add(n);
        }
        return counts.Count == 0 ? null : new BuddyZone(node, zone, counts);
    }
}
