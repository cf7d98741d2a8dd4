using TopSharp.Core;
using TopSharp.Core.Cgroups;

namespace TopSharp.Testing;

/// <summary>
/// Real cgroups a test creates (root) and always removes: <see cref="Dispose"/> retries rmdir while the group is busy,
/// so kill the test's children first (a group with a process cannot be removed).
/// </summary>
internal sealed class LiveCgroups : IDisposable
{
    private readonly List<string> _made = [];

    /// <summary>The live machine's cgroup mounts.</summary>
    public static CgroupLayout Layout()
    {
        using var file = new KernelFile();
        return MountInfoReader.Read(KernelRoot.Live, file, []);
    }

    /// <summary>A path no other test run uses: <c>/topsharp-test-PID</c>, plus <paramref name="suffix"/>.</summary>
    public static string UniquePath(string suffix = "") => $"/topsharp-test-{Environment.ProcessId}{suffix}";

    /// <summary>Creates the group at <paramref name="path"/> in <paramref name="h"/> and returns its directory.</summary>
    public string Make(CgroupHierarchy h, string path)
    {
        string dir = h.DirectoryOf(KernelRoot.Live, path);
        Directory.CreateDirectory(dir);
        _made.Add(dir);
        return dir;
    }

    /// <summary>rmdir, children before parents; EBUSY until a killed member is reaped out of the group.</summary>
    public void Dispose()
    {
        foreach (string dir in Enumerable.Reverse(_made))
            for (int attempt = 0; attempt < 50 && Directory.Exists(dir); attempt++)
            {
                try { Directory.Delete(dir); }
                catch (IOException) { Thread.Sleep(20); }
            }
    }
}
