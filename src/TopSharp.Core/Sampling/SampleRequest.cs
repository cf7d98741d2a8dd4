using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling;

/// <summary>
/// What one sampling pass reads beyond the system files: <see cref="Files"/> for every process, and
/// numa_maps (with <see cref="ProcessFiles.NumaMaps"/>) for the few processes in <see cref="NumaMapsPids"/>,
/// such as the rows on screen: reading it walks the process's page tables, about 30 µs per MiB resident.
/// </summary>
public sealed record SampleRequest(ProcessFiles Files, IReadOnlySet<int> NumaMapsPids)
{
    public static IReadOnlySet<int> NoPids { get; } = new HashSet<int>();

    /// <summary>These files for every process, and numa_maps for none.</summary>
    public static implicit operator SampleRequest(ProcessFiles files) => new(files, NoPids);

    /// <summary>Whether numa_maps of <paramref name="pid"/> is read.</summary>
    public bool ReadsNumaMaps(int pid) => (Files & ProcessFiles.NumaMaps) != 0 && NumaMapsPids.Contains(pid);

    /// <summary>The same files and the same PIDs (records compare the set by reference).</summary>
    public bool SameAs(SampleRequest other) => Files == other.Files && NumaMapsPids.SetEquals(other.NumaMapsPids);
}
