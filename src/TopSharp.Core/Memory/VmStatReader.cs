using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Memory;

/// <summary>/proc/vmstat (Documentation/admin-guide/mm/…, include/linux/vm_event_item.h): <c>pgfault 123456</c> lines.</summary>
public static class VmStatReader
{
    public const string Source = "vmstat";

    /// <summary>Unknown keys are ignored; a kept key with an unparsable value is reported and left null.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out VmStat value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var counters = new ulong?[VmStat.Names.Count];
        var line = new KeyValueLines(utf8);
        while (line.MoveNext())
        {
            int i = KeyTable.IndexOf(VmStat.Keys, line.Key);
            if (i < 0) continue;
            if (line.TryValueUInt64(out ulong v)) counters[i] = v;
            else diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"{Excerpt.Of(line.Key)} unparsable: '{Excerpt.Of(line.Value)}'"));
        }
        value = new VmStat(counters);
        return true;
    }

    /// <summary>proc/vmstat; null, with a diagnostic, when it is missing.</summary>
    public static VmStat? Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryReadRequired(file, root.Proc("vmstat"), Source, TryParse, diagnostics, out VmStat? value) ? value : null;
}
