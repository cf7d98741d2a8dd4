using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// <c>cgroup.events</c> (Documentation/admin-guide/cgroup-v2.rst "cgroup.events"): <c>populated 1</c>,
/// <c>frozen 0</c>. Only <c>frozen</c> is taken: the state the kernel reached, where cgroup.freeze is the request.
/// </summary>
public static class CgroupEventsReader
{
    public const string Source = "cgroup.events";

    /// <summary>False when there is no <c>frozen</c> line (kernels before 5.2).</summary>
    public static bool TryParseFrozen(ReadOnlySpan<byte> utf8, out bool frozen)
    {
        frozen = false;
        var lines = new KeyValueLines(utf8);
        while (lines.MoveNext())
        {
            if (!lines.Key.SequenceEqual("frozen"u8)) continue;
            if (!lines.TryValueUInt64(out ulong v)) return false;
            frozen = v != 0;
            return true;
        }
        return false;
    }
}
