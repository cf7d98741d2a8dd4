using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>/proc/PID/statm, in pages: <c>size resident shared text lib data dt</c> (proc(5)), e.g. <c>16664 8356 179 143 0 16463 0</c>.</summary>
public static class PidStatmReader
{
    public const string Source = "PID/statm";

    public static bool TryParse(
        ReadOnlySpan<byte> utf8, out PidStatm value, List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        var fields = new Fields(utf8.TrimEnd((byte)'\n'));
        if (fields.TryNextUInt64(out ulong size) && fields.TryNextUInt64(out ulong resident)
            && fields.TryNextUInt64(out ulong shared) && fields.TryNextUInt64(out ulong text)
            && fields.TryNextUInt64(out _) && fields.TryNextUInt64(out ulong data) && fields.TryNextUInt64(out _))
        {
            value = new PidStatm(size, resident, shared, text, data);
            return true;
        }
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, $"expected 7 page counts: '{Excerpt.Of(utf8)}'"));
        value = default;
        return false;
    }

    /// <summary>proc/PID/statm; false without a diagnostic when the process has vanished.</summary>
    public static bool TryRead(KernelRoot root, KernelFile file, int pid, out PidStatm value, List<ParseDiagnostic> diagnostics) =>
        ParsedFile.TryRead(file, PidPath.Of(root, pid, null, "statm"), TryParse, diagnostics, out value);
}
