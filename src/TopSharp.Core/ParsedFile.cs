using System.Diagnostics.CodeAnalysis;

namespace TopSharp.Core;

/// <summary>The pure parser every reader exposes: one kernel file's bytes in, a value or diagnostics out.</summary>
public delegate bool SpanParser<T>(ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out T value, List<ParseDiagnostic>? diagnostics, string path);

/// <summary>The disk side of the readers: one read into the pooled buffer, then the pure parser.</summary>
internal static class ParsedFile
{
    /// <summary>A missing or unreadable file is false and no diagnostic: a vanished process, a kernel without PSI.</summary>
    public static bool TryRead<T>(
        KernelFile file, string path, SpanParser<T> parse, List<ParseDiagnostic> diagnostics,
        [MaybeNullWhen(false)] out T value)
    {
        if (file.TryRead(path, out ReadOnlySpan<byte> content)) return parse(content, out value, diagnostics, path);
        value = default;
        return false;
    }

    /// <summary>A missing or unreadable file is false and a diagnostic: a file every supported kernel has.</summary>
    public static bool TryReadRequired<T>(
        KernelFile file, string path, string source, SpanParser<T> parse, List<ParseDiagnostic> diagnostics,
        [MaybeNullWhen(false)] out T value)
    {
        if (file.TryRead(path, out ReadOnlySpan<byte> content)) return parse(content, out value, diagnostics, path);
        diagnostics.Add(new ParseDiagnostic(source, path, 0, "missing or unreadable"));
        value = default;
        return false;
    }
}
