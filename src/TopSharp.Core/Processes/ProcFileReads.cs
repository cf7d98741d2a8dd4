using System.Diagnostics.CodeAnalysis;

namespace TopSharp.Core.Processes;

/// <summary>
/// Reading and parsing one file of a process or thread, with the diagnostics a pass collects:
/// an exited task is silent, anything else names the file. The path string is built only for a
/// diagnostic, so a pass with none allocates no path.
/// </summary>
internal static class ProcFileReads
{
    /// <summary>False when the task is gone (silently) or the read failed (with a diagnostic).</summary>
    public static bool TryRead(
        ProcDirectory proc, int pid, int tid, ReadOnlySpan<byte> file, string source,
        List<ParseDiagnostic> diagnostics, out ReadOnlySpan<byte> content) =>
        Succeeded(proc.TryRead(pid, tid, file, out content), proc, pid, tid, file, source, diagnostics);

    /// <summary>True for <see cref="ProcRead.Ok"/>; reports a failure that is not <see cref="ProcRead.Gone"/>.</summary>
    public static bool Succeeded(
        ProcRead result, ProcDirectory proc, int pid, int tid, ReadOnlySpan<byte> file, string source, List<ParseDiagnostic> diagnostics)
    {
        if (result == ProcRead.Ok) return true;
        if (result != ProcRead.Gone) Report(proc, pid, tid, file, source, result, diagnostics);
        return false;
    }

    public static void Report(
        ProcDirectory proc, int pid, int tid, ReadOnlySpan<byte> file, string source, ProcRead result,
        List<ParseDiagnostic> diagnostics) =>
        diagnostics.Add(new ParseDiagnostic(
            source, proc.PathOf(pid, tid, file), 0,
            result == ProcRead.Denied ? "permission denied" : $"read failed (errno {proc.LastErrno})"));

    /// <summary>
    /// Runs a reader's parser; when it reports anything, runs it again with the file's path so
    /// each diagnostic names it.
    /// </summary>
    public static bool TryParse<T>(
        ProcDirectory proc, int pid, int tid, ReadOnlySpan<byte> file, ReadOnlySpan<byte> content,
        SpanParser<T> parse, List<ParseDiagnostic> diagnostics, [MaybeNullWhen(false)] out T value)
    {
        int before = diagnostics.Count;
        bool parsed = parse(content, out value, diagnostics, "");
        if (diagnostics.Count == before) return parsed;
        diagnostics.RemoveRange(before, diagnostics.Count - before);
        return parse(content, out value, diagnostics, proc.PathOf(pid, tid, file));
    }

    /// <summary>Reads and parses a file; null when it is gone, unreadable or does not parse.</summary>
    public static T? ReadParsed<T>(
        ProcDirectory proc, int pid, int tid, ReadOnlySpan<byte> file, string source,
        SpanParser<T> parse, List<ParseDiagnostic> diagnostics) where T : class =>
        TryRead(proc, pid, tid, file, source, diagnostics, out ReadOnlySpan<byte> content)
        && TryParse(proc, pid, tid, file, content, parse, diagnostics, out T? value)
            ? value
            : null;

    /// <summary>stat of a process (tid 0) or a thread, and its name-cache entry; false when gone or unparsable.</summary>
    public static bool TryReadStat(
        ProcDirectory proc, ProcessNameCache names, int pid, int tid, List<ParseDiagnostic> diagnostics,
        out PidStat stat, [MaybeNullWhen(false)] out ProcessNameCache.Entry entry)
    {
        stat = default;
        entry = null;
        return TryRead(proc, pid, tid, "stat"u8, PidStatReader.Source, diagnostics, out ReadOnlySpan<byte> content)
            && TryParseStat(proc, names, pid, tid, content, diagnostics, out stat, out entry);
    }

    /// <summary>Parses a stat read and finds its name-cache entry; false (with a diagnostic) when it does not parse.</summary>
    public static bool TryParseStat(
        ProcDirectory proc, ProcessNameCache names, int pid, int tid, ReadOnlySpan<byte> content, List<ParseDiagnostic> diagnostics,
        out PidStat stat, [MaybeNullWhen(false)] out ProcessNameCache.Entry entry)
    {
        entry = null;
        if (!PidStatReader.TryParse(content, out stat, out ReadOnlySpan<byte> comm))
        {
            PidStatReader.TryParse(content, out _, out _, diagnostics, proc.PathOf(pid, tid, "stat"u8));
            return false;
        }
        entry = names.Get(new ProcessKey(stat.Pid, stat.Starttime), comm);
        return true;
    }
}
