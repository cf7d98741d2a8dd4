using System.Diagnostics.CodeAnalysis;
using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Users;

/// <summary>/etc/passwd (passwd(5)): <c>name:password:UID:GID:GECOS:directory:shell</c>, e.g. <c>root:x:0:0:root:/root:/bin/bash</c>.</summary>
public static class PasswdReader
{
    public const string Source = "passwd";

    /// <summary>
    /// UID → user name. The first entry of a UID wins, as getpwuid(3) finds it; blank lines, comments and
    /// NIS <c>+</c>/<c>-</c> entries are skipped; other lines that do not parse are reported and skipped.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out Dictionary<int, string> value,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        value = [];
        var lines = new LineReader(utf8);
        while (lines.MoveNext())
        {
            ReadOnlySpan<byte> line = lines.Current;
            if (line.IsEmpty || line[0] is (byte)'#' or (byte)'+' or (byte)'-') continue;
            if (TryParseEntry(line, out ReadOnlySpan<byte> name, out int uid))
                value.TryAdd(uid, Encoding.UTF8.GetString(name));
            else
                diagnostics?.Add(new ParseDiagnostic(Source, path, lines.LineNumber, $"expected 'name:password:UID:…': '{Excerpt.Of(line)}'"));
        }
        return true;
    }

    /// <summary>etc/passwd; empty, with a diagnostic, when it is missing (UIDs are then shown as numbers).</summary>
    public static Dictionary<int, string> Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        ParsedFile.TryReadRequired(file, root.Etc("passwd"), Source, TryParse, diagnostics, out Dictionary<int, string>? value);
        return value ?? [];
    }

    private static bool TryParseEntry(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out int uid)
    {
        uid = 0;
        int colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        ReadOnlySpan<byte> rest = line[(colon + 1)..];
        int password = rest.IndexOf((byte)':');
        if (name.IsEmpty || password < 0) return false;
        rest = rest[(password + 1)..];
        int end = rest.IndexOf((byte)':');
        // UIDs are 32-bit unsigned; TopSharp holds them as int, as PidStatus.Uid does.
        if (end < 0 || !Number.TryParseUInt32(rest[..end], out uint u)) return false;
        uid = (int)u;
        return true;
    }
}
