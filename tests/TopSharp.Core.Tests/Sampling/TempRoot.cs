using TopSharp.Testing;

namespace TopSharp.Core.Tests.Sampling;

/// <summary>A writable copy of part of a captured tree, deleted on dispose: for tests that change files between passes.</summary>
internal sealed class TempRoot : IDisposable
{
    private TempRoot(string path) => Path = path;

    public string Path { get; }

    public KernelRoot Root => new(Path);

    /// <summary>The system files of numa4-cgroup2/t0, the PID directories named, and an etc/passwd naming root.</summary>
    public static TempRoot FromCapture(params int[] pids)
    {
        var temp = new TempRoot(Directory.CreateTempSubdirectory("topsharp-sampler-test-").FullName);
        string captured = System.IO.Path.Combine(Fixtures.Dir("numa4-cgroup2"), "t0", "proc");
        Copy(captured, temp.Proc(""), recursive: false);
        Copy(System.IO.Path.Combine(captured, "pressure"), temp.Proc("pressure"), recursive: false);
        foreach (int pid in pids) Copy(System.IO.Path.Combine(captured, pid.ToString()), temp.Proc(pid.ToString()), recursive: true);
        Directory.CreateDirectory(temp.Etc(""));
        File.WriteAllText(temp.Etc("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        return temp;
    }

    public string Proc(string relative) => System.IO.Path.Join(Path, "proc", relative);

    public string Etc(string relative) => System.IO.Path.Join(Path, "etc", relative);

    private static void Copy(string from, string to, bool recursive)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        if (!recursive) return;
        foreach (string dir in Directory.GetDirectories(from)) Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)), recursive);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
