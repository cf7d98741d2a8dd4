using System.Diagnostics.CodeAnalysis;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>/proc/PID/status (Documentation/filesystems/proc.rst, table 1-2): <c>Key:\tvalue [kB]</c> lines.</summary>
public static class PidStatusReader
{
    public const string Source = "PID/status";

    // The first seven are required; the Vm*/Rss* lines are absent for kernel threads and zombies.
    private static readonly string[] Keys =
    [
        "Name", "Tgid", "Uid", "Cpus_allowed_list", "Mems_allowed_list", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches",
        "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmSwap",
    ];
    private const int Required = 7;
    private const int FirstSize = 7;

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out PidStatus value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        string name = "", cpus = "", mems = "";
        ulong tgid = 0, uid = 0, voluntary = 0, nonvoluntary = 0;
        Span<ulong> sizes = stackalloc ulong[Keys.Length - FirstSize];
        uint seen = 0;
        var line = new KeyColonValueLines(utf8);
        while (line.MoveNext())
        {
            int i = KeyTable.IndexOf(Keys, line.Key);
            bool ok = i switch
            {
                -1 => true,
                0 => Set(out name, UnescapeName(line.RawValue)),
                1 => line.TryValueUInt64(out tgid),
                2 => new Fields(line.Value).TryNextUInt64(out uid),
                3 => Set(out cpus, Encoding.UTF8.GetString(line.Value)),
                4 => Set(out mems, Encoding.UTF8.GetString(line.Value)),
                5 => line.TryValueUInt64(out voluntary),
                6 => line.TryValueUInt64(out nonvoluntary),
                _ => line.ValueIsKilobytes && line.TryValueBytes(out sizes[i - FirstSize]),
            };
            if (!ok)
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"{Keys[i]} unparsable: '{Excerpt.Of(line.Value)}'"));
                return false;
            }
            if (i >= 0) seen |= 1u << i;
        }
        if (KeyTable.Missing(Keys, Required, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, missing));
            return false;
        }
        if (tgid > int.MaxValue || uid > uint.MaxValue)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, $"Tgid {tgid} or Uid {uid} out of range"));
            return false;
        }
        value = new PidStatus(
            name, (int)tgid, (int)(uint)uid, cpus, mems, voluntary, nonvoluntary,
            Size(0, seen, sizes), Size(1, seen, sizes), Size(2, seen, sizes), Size(3, seen, sizes), Size(4, seen, sizes));
        return true;

        static ulong? Size(int k, uint seen, ReadOnlySpan<ulong> sizes) => (seen & (1u << (FirstSize + k))) != 0 ? sizes[k] : null;
    }

    /// <summary>proc/PID/status, or task/TID/status; false without a diagnostic when the task has vanished.</summary>
    public static bool TryRead(
        KernelRoot root, KernelFile file, int pid, [MaybeNullWhen(false)] out PidStatus value,
        List<ParseDiagnostic> diagnostics, int? tid = null) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, tid, "status"), TryParse, diagnostics, out value);

    private static bool Set(out string target, string value)
    {
        target = value;
        return true;
    }

    /// <summary>
    /// The kernel writes <c>Name:\t</c> then the comm with only LF and backslash escaped (fs/proc/array.c,
    /// proc_task_name), so blanks inside the name are kept and only those two escapes are undone.
    /// </summary>
    private static string UnescapeName(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > 0 && raw[0] == (byte)'\t') raw = raw[1..];
        if (raw.IndexOf((byte)'\\') < 0) return Encoding.UTF8.GetString(raw);
        Span<byte> plain = stackalloc byte[raw.Length];
        int n = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            byte b = raw[i];
            if (b == (byte)'\\' && i + 1 < raw.Length && raw[i + 1] is (byte)'n' or (byte)'\\')
                b = raw[++i] == (byte)'n' ? (byte)'\n' : (byte)'\\';
            plain[n++] = b;
        }
        return Encoding.UTF8.GetString(plain[..n]);
    }
}
