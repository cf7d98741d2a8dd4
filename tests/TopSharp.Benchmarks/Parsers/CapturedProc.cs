namespace TopSharp.Benchmarks.Parsers;

/// <summary>
/// proc/ of a captured tree. BenchmarkDotNet runs each benchmark from a generated project below the
/// output directory, so the copied fixtures are found by walking up from where the assembly runs.
/// </summary>
internal static class CapturedProc
{
    public static string Dir(string tree)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string proc = Path.Combine(dir.FullName, "fixtures", tree, "proc");
            if (Directory.Exists(proc)) return proc;
        }
        throw new DirectoryNotFoundException($"fixtures/{tree}/proc above {AppContext.BaseDirectory}");
    }
}
