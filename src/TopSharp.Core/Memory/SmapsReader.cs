using System.Diagnostics.CodeAnalysis;
using TopSharp.Core.Processes;

namespace TopSharp.Core.Memory;

/// <summary>
/// /proc/PID/smaps (Documentation/filesystems/proc.rst, "smaps"). Reading it walks the process's page tables,
/// so it is read for one process on request, never for every process of every pass. Allocates one array of
/// <see cref="Vma"/> values (a struct: 20,000 VMAs are one object for the GC, not 20,000) and a name only when it
/// differs from the previous VMA's; nothing per line.
/// </summary>
public static class SmapsReader
{
    public const string Source = "smaps";

    /// <summary>An unparsable header is reported and its VMA left out; the others still count.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out Smaps value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        // An entry is ~25 lines, ≥ 400 bytes: one array, never regrown, holds every VMA.
        var vmas = new List<Vma>(utf8.Length / 400 + 1);
        string lastMapping = "";
        var entry = new SmapsEntries(utf8, diagnostics, Source, path);
        while (entry.MoveNext())
        {
            if (VmaHeader.TryParse(entry.Header, entry.Counters, ref lastMapping, out Vma vma) is string reason)
                diagnostics?.Add(new ParseDiagnostic(Source, path, entry.HeaderLineNumber, reason));
            else
                vmas.Add(vma);
        }
        value = vmas.Count == 0 ? Smaps.Empty : new Smaps(vmas);
        return true;
    }

    /// <summary>proc/PID/smaps; null when the process is gone or the file unreadable (no diagnostic: a vanished process is normal).</summary>
    public static Smaps? Read(KernelRoot root, KernelFile file, int pid, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "smaps"), TryParse, diagnostics, out Smaps? value) ? value : null;
}
