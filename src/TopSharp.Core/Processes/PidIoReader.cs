using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>/proc/PID/io (Documentation/filesystems/proc.rst, "/proc/&lt;pid&gt;/io"): <c>rchar: 816</c> lines.</summary>
public static class PidIoReader
{
    public const string Source = "PID/io";

    private static readonly string[] Keys =
        ["rchar", "wchar", "syscr", "syscw", "read_bytes", "write_bytes", "cancelled_write_bytes"];

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out PidIo value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = null;
        Span<ulong> v = stackalloc ulong[Keys.Length];
        uint seen = 0;
        var line = new KeyValueLines(utf8);
        while (line.MoveNext())
        {
            int i = KeyTable.IndexOf(Keys, line.Key);
            if (i < 0) continue;
            if (!line.TryValueUInt64(out v[i]))
            {
                diagnostics?.Add(new ParseDiagnostic(Source, path, line.LineNumber, $"{Keys[i]} is not a number: '{Excerpt.Of(line.Value)}'"));
                return false;
            }
            seen |= 1u << i;
        }
        if (KeyTable.Missing(Keys, Keys.Length, seen) is string missing)
        {
            diagnostics?.Add(new ParseDiagnostic(Source, path, 0, missing));
            return false;
        }
        value = new PidIo(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        return true;
    }

    /// <summary>proc/PID/io; false without a diagnostic when the process has vanished or is not ours to read.</summary>
    public static bool TryRead(KernelRoot root, KernelFile file, int pid, [MaybeNullWhen(false)] out PidIo value, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "io"), TryParse, diagnostics, out value);
}
