using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/cmdline (proc(5)): the arguments, each ended by a NUL, e.g. <c>sleepy\0two words\0\0tab\there\0</c>.
/// Kernel threads and zombies have an empty one.
/// </summary>
public static class CmdlineReader
{
    /// <summary>
    /// One display string: arguments joined by a space, trailing NULs dropped, an empty argument kept as
    /// an empty string between two spaces. Control bytes stay as they are (escaping is the view's job);
    /// invalid UTF-8 becomes U+FFFD. Never fails.
    /// </summary>
    public static string Parse(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> args = utf8.TrimEnd((byte)0);
        if (args.IsEmpty) return "";
        return string.Create(Encoding.UTF8.GetCharCount(args), args, static (chars, bytes) =>
        {
            Encoding.UTF8.GetChars(bytes, chars);
            chars.Replace('\0', ' ');
        });
    }

    /// <summary>proc/PID/cmdline; false when the process has vanished or the file is unreadable.</summary>
    public static bool TryRead(KernelRoot root, KernelFile file, int pid, [NotNullWhen(true)] out string? cmdline)
    {
        cmdline = file.TryRead(PidPath.Of(root, pid, null, "cmdline"), out ReadOnlySpan<byte> content) ? Parse(content) : null;
        return cmdline is not null;
    }
}
