using System.Text.Json;
using TopSharp.Core.Memory;

namespace TopSharp.Headless;

/// <summary>
/// Every /proc/meminfo field, in file order, named from the kernel's key: <c>SReclaimable</c> →
/// <c>s_reclaimable_bytes</c>, <c>Active(anon)</c> → <c>active_anon_bytes</c>, <c>HugePages_Total</c>
/// → <c>huge_pages_total</c> (a count, so no unit).
/// </summary>
internal static class MemoryJson
{
    public static Dictionary<string, ulong> From(MemInfo memInfo)
    {
        var fields = new Dictionary<string, ulong>(memInfo.Fields.Count);
        foreach (MemInfoField f in memInfo.Fields)
            fields[Name(f)] = f.Value;
        return fields;
    }

    public static string Name(MemInfoField field)
    {
        string key = JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name.Replace('(', '_').Replace(")", ""));
        return field.IsBytes ? key + "_bytes" : key;
    }
}
