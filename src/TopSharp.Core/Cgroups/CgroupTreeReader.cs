namespace TopSharp.Core.Cgroups;

/// <summary>
/// Discovers the hierarchies from the root's /proc/self/mountinfo and reads every cgroup below each mount
/// (Documentation/admin-guide/cgroup-v2.rst, cgroup-v1/cgroups.rst). A directory that vanishes during the walk
/// (a cgroup removed) is left out.
/// </summary>
public static class CgroupTreeReader
{
    public static CgroupSnapshot Read(KernelRoot root, KernelFile file, List<ParseDiagnostic> diagnostics)
    {
        CgroupLayout layout = MountInfoReader.Read(root, file, diagnostics);
        var reader = new CgroupReader(file, diagnostics);
        var trees = new List<CgroupTree>(layout.Hierarchies.Count);
        foreach (CgroupHierarchy h in layout.Hierarchies)
        {
            string top = h.DirectoryOf(root, h.MountRoot);
            if (!Directory.Exists(top)) continue;
            var cgroups = new List<Cgroup>();
            Walk(reader, h, top, h.MountRoot, cgroups);
            trees.Add(new CgroupTree(h, cgroups));
        }
        return new CgroupSnapshot(layout.Mode, trees);
    }

    private static void Walk(CgroupReader reader, CgroupHierarchy h, string directory, string path, List<Cgroup> into)
    {
        into.Add(reader.Read(h, directory, path));
        string[] children;
        try
        {
            children = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        Array.Sort(children, StringComparer.Ordinal);
        foreach (string child in children)
            Walk(reader, h, child, Child(path, Path.GetFileName(child)), into);
    }

    /// <summary><c>/</c> + <c>batch</c> is <c>/batch</c>; <c>/batch</c> + <c>job1</c> is <c>/batch/job1</c>.</summary>
    internal static string Child(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;
}
