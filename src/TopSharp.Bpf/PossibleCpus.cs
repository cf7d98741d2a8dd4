using TopSharp.Core;
using TopSharp.Core.Text;

namespace TopSharp.Bpf;

/// <summary>
/// The number of possible CPUs, which sizes every per-CPU map value (max id + 1, as libbpf_num_possible_cpus):
/// /sys/devices/system/cpu/possible (Documentation/admin-guide/cputopology.rst). Not the online count.
/// </summary>
public static class PossibleCpus
{
    public const string Path = "/sys/devices/system/cpu/possible";

    private static readonly Lazy<int> s_count = new(Read);

    public static int Count => s_count.Value;

    private static int Read()
    {
        using var file = new KernelFile(); // sysfs reports a size of 4096: read to the end, not to the size
        if (!file.TryRead(Path, out ReadOnlySpan<byte> text)) throw new BpfException($"{Path}: cannot read it");
        return TryParse(text, out int n) ? n : throw new BpfException($"{Path}: unparsable");
    }

    /// <summary>"0-3" → 4, "0,2-5" → 6; false on anything CpuList refuses or an empty list.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out int count)
    {
        count = 0;
        if (!CpuList.TryParse(text, out CpuList list) || list.Count == 0) return false;
        count = list.Ids[^1] + 1;
        return true;
    }
}
