using System.Text;

namespace TopSharp.Core.Text;

/// <summary>
/// The kernel's "list format" of CPU and node numbers (Documentation/admin-guide/cgroup-v2.rst, "cpuset.cpus"):
/// <c>0-1,4,6-7</c>, as in nodeN/cpulist, node/online, has_cpu, Cpus_allowed_list and Mems_allowed_list.
/// Numbers are kept sorted and distinct. cpuset also takes a stride form (<c>0-7:2</c>) on write; the kernel
/// never prints it, so it is not parsed. An empty file (an empty <c>offline</c>) is an empty list.
/// </summary>
public sealed class CpuList : IEquatable<CpuList>
{
    /// <summary>Above any CONFIG_NR_CPUS (8192) or MAX_NUMNODES (1024): a range past it is refused, not expanded.</summary>
    public const int MaxId = 65535;

    private readonly int[] _ids;

    private CpuList(int[] ids) => _ids = ids;

    public static CpuList Empty { get; } = new([]);

    public static CpuList Of(params int[] ids) => new(ids.Distinct().Order().ToArray());

    /// <summary>The numbers in ascending order.</summary>
    public IReadOnlyList<int> Ids => _ids;

    public int Count => _ids.Length;

    public bool Contains(int id) => Array.BinarySearch(_ids, id) >= 0;

    /// <summary>Parses <c>0-1,4</c> (blanks and a trailing newline around it ignored); false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out CpuList list)
    {
        list = Empty;
        text = text.Trim(" \t\n"u8);
        if (text.IsEmpty) return true;
        var ids = new SortedSet<int>();
        foreach (Range part in text.Split((byte)','))
        {
            ReadOnlySpan<byte> item = text[part];
            int dash = item.IndexOf((byte)'-');
            ReadOnlySpan<byte> first = dash < 0 ? item : item[..dash];
            ReadOnlySpan<byte> last = dash < 0 ? item : item[(dash + 1)..];
            if (!Number.TryParseInt32(first, out int from) || !Number.TryParseInt32(last, out int to)) return false;
            if (from < 0 || to < from || to > MaxId) return false;
            for (int id = from; id <= to; id++) ids.Add(id);
        }
        list = new CpuList([.. ids]);
        return true;
    }

    /// <summary>The kernel's own spelling: ranges of consecutive numbers as <c>a-b</c>, joined by commas.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < _ids.Length; i++)
        {
            int start = _ids[i];
            while (i + 1 < _ids.Length && _ids[i + 1] == _ids[i] + 1) i++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(start);
            if (_ids[i] != start) sb.Append('-').Append(_ids[i]);
        }
        return sb.ToString();
    }

    public bool Equals(CpuList? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => Equals(obj as CpuList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int id in _ids) hash.Add(id);
        return hash.ToHashCode();
    }
}
