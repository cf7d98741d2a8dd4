using System.Text;

namespace TopSharp.Benchmarks.Sampling;

/// <summary>
/// A root with thousands of processes built from a captured tree: its system files as they are,
/// and its PID directories copied round-robin under new PIDs (and new TIDs for the other threads),
/// with the id at the start of each stat rewritten to match, and an etc/passwd naming root.
/// </summary>
internal static class SyntheticProcTree
{
    /// <summary>Five-digit PIDs, like a busy server's.</summary>
    private const int FirstPid = 10_000;

    /// <summary>Writes the tree to <paramref name="destination"/> (created) and returns it.</summary>
    public static string Create(string capturedRoot, string destination, int processes)
    {
        string sourceProc = Path.Combine(capturedRoot, "proc");
        string proc = Path.Combine(destination, "proc");
        Directory.CreateDirectory(Path.Combine(proc, "pressure"));
        foreach (string file in new[] { "stat", "loadavg", "uptime", "meminfo" })
            File.Copy(Path.Combine(sourceProc, file), Path.Combine(proc, file));
        foreach (string file in Directory.GetFiles(Path.Combine(sourceProc, "pressure")))
            File.Copy(file, Path.Combine(proc, "pressure", Path.GetFileName(file)));

        Directory.CreateDirectory(Path.Combine(destination, "etc"));
        File.WriteAllText(Path.Combine(destination, "etc", "passwd"), "root:x:0:0:root:/root:/bin/bash\n");

        string[] templates = Directory.GetDirectories(sourceProc)
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Order(StringComparer.Ordinal)
            .ToArray();
        int nextTid = FirstPid + processes;
        for (int i = 0; i < processes; i++)
        {
            string template = templates[i % templates.Length];
            int pid = FirstPid + i;
            string pidDir = Path.Combine(proc, pid.ToString());
            CopyTaskFiles(template, pidDir, pid);
            foreach (string taskDir in Directory.GetDirectories(Path.Combine(template, "task")))
            {
                bool mainThread = Path.GetFileName(taskDir) == Path.GetFileName(template);
                int tid = mainThread ? pid : nextTid++;
                CopyTaskFiles(taskDir, Path.Combine(pidDir, "task", tid.ToString()), tid);
            }
        }
        return destination;
    }

    private static void CopyTaskFiles(string from, string to, int id)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            string name = Path.GetFileName(file);
            byte[] content = File.ReadAllBytes(file);
            if (name == "stat") content = WithId(content, id);
            File.WriteAllBytes(Path.Combine(to, name), content);
        }
    }

    /// <summary>stat starts with <c>PID (</c>: replace the number.</summary>
    private static byte[] WithId(byte[] stat, int id)
    {
        int space = Array.IndexOf(stat, (byte)' ');
        return [.. Encoding.ASCII.GetBytes(id.ToString()), .. stat.AsSpan(space)];
    }
}
