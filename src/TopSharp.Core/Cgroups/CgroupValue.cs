using System.Text;
using TopSharp.Core.Text;

namespace TopSharp.Core.Cgroups;

/// <summary>
/// The one-value cgroup files (cgroup-v2.rst "Conventions": a number, or <c>max</c> for no limit; cgroup-v1
/// writes a number only): memory.current, memory.max, pids.max, cpuacct.usage, cgroup.type, cpuset.*.effective.
/// </summary>
public static class CgroupValue
{
    /// <summary>How <c>max</c> is stored. v1's "unlimited" (PAGE_COUNTER_MAX pages, 9223372036854771712) is kept as written; see <see cref="IsUnlimited"/>.</summary>
    public const ulong Max = ulong.MaxValue;

    /// <summary>v1 memory limits at or above this are the kernel's "no limit": LONG_MAX rounded down to a page.</summary>
    private const ulong V1Unlimited = 0x7FFF_FFFF_FFFF_0000;

    /// <summary>True for <c>max</c> and for v1's page-rounded LONG_MAX.</summary>
    public static bool IsUnlimited(ulong value) => value >= V1Unlimited;

    /// <summary>A number or <c>max</c>, with the trailing newline.</summary>
    public static bool TryParseLimit(ReadOnlySpan<byte> utf8, out ulong value)
    {
        ReadOnlySpan<byte> text = utf8.Trim(" \t\n"u8);
        if (text.SequenceEqual("max"u8))
        {
            value = Max;
            return true;
        }
        return Number.TryParseUInt64(text, out value);
    }

    /// <summary>The file's text without the trailing newline (cgroup.type, cpuset.cpus.partition, freezer.state).</summary>
    public static string Word(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.Trim(" \t\n"u8));

    /// <summary>Non-empty lines: the PIDs of cgroup.procs.</summary>
    public static int CountLines(ReadOnlySpan<byte> utf8)
    {
        int n = 0;
        foreach (ReadOnlySpan<byte> line in new LineReader(utf8))
            if (!line.IsEmpty) n++;
        return n;
    }
}
