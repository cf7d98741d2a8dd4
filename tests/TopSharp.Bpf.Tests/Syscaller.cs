using System.Diagnostics;
using TopSharp.Testing;

namespace TopSharp.Bpf.Tests;

/// <summary>tests/native/syscaller.c, compiled once per run: a child making an exact number of getppid and failing close calls.</summary>
internal static class Syscaller
{
    private static readonly Lazy<string> s_exe = new(Compile);

    /// <summary>Runs it to completion and returns its PID.</summary>
    public static int Run(long getppids, long failingCloses = 0)
    {
        Requires.Tool("gcc", "compiles tests/native/syscaller.c");
        using var child = Process.Start(new ProcessStartInfo(s_exe.Value, [getppids.ToString(), failingCloses.ToString()])
        {
            RedirectStandardOutput = true,
        })!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"syscaller exited with {child.ExitCode}");
        return child.Id;
    }

    private static string Compile()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "native", "syscaller.c");
        string exe = Path.Combine(Directory.CreateTempSubdirectory("topsharp-syscaller-").FullName, "syscaller");
        using var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Werror", "-o", exe, source]) { RedirectStandardError = true })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? exe : throw new InvalidOperationException($"gcc failed on {source}:\n{errors}");
    }
}
