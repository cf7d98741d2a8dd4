using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// The effective UID from /proc/PID/status's <c>Uid:  real effective saved fs</c> line (proc(5)),
/// without building a whole <see cref="PidStatus"/>: how a captured tree gives the owner of a process.
/// </summary>
internal static class StatusUid
{
    public static bool TryParse(ReadOnlySpan<byte> status, out int uid)
    {
        uid = -1;
        var line = new KeyColonValueLines(status);
        while (line.MoveNext())
        {
            if (!line.Key.SequenceEqual("Uid"u8)) continue;
            var fields = new Fields(line.Value);
            if (!fields.TryNextUInt64(out _) || !fields.TryNextUInt64(out ulong effective) || effective > int.MaxValue) return false;
            uid = (int)effective;
            return true;
        }
        return false;
    }
}
