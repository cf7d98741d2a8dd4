using TopSharp.Bpf.Opens;

namespace TopSharp.ViewModels.Opens;

/// <summary>How the summary by path is ordered.</summary>
public enum SummarySort
{
    Count,
    Failures,
    Path,
}

/// <summary>Opens of one path: how many, how many failed, and the errno of the last failure.</summary>
public sealed record PathCount(string Path, long Count, long Failures, int LastErrno);

/// <summary>Counts every event by path (raw, unescaped); shared by the opens view and <c>--opens --json</c>.</summary>
public sealed class PathSummary
{
    private readonly Dictionary<string, PathCount> _byPath = new(StringComparer.Ordinal);

    public int Paths => _byPath.Count;

    public void Add(OpenEvent e)
    {
        string path = e.Path ?? "";
        _byPath.TryGetValue(path, out PathCount? old);
        _byPath[path] = new PathCount(path, (old?.Count ?? 0) + 1, (old?.Failures ?? 0) + (e.Failed ? 1 : 0),
            e.Failed ? e.Errno : old?.LastErrno ?? 0);
    }

    /// <summary>The paths <paramref name="keep"/> accepts, in <paramref name="sort"/> order (ties by path).</summary>
    public List<PathCount> Sorted(SummarySort sort, Func<PathCount, bool>? keep = null)
    {
        IEnumerable<PathCount> rows = keep is null ? _byPath.Values : _byPath.Values.Where(keep);
        return (sort switch
        {
            SummarySort.Path => rows.OrderBy(r => r.Path, StringComparer.Ordinal),
            SummarySort.Failures => rows.OrderByDescending(r => r.Failures).ThenByDescending(r => r.Count).ThenBy(r => r.Path, StringComparer.Ordinal),
            _ => rows.OrderByDescending(r => r.Count).ThenByDescending(r => r.Failures).ThenBy(r => r.Path, StringComparer.Ordinal),
        }).ToList();
    }
}
