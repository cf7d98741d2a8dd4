using System.Diagnostics;

namespace TopSharp.Bpf.Tests;

/// <summary>tests/native/syscaller.c: a child making an exact number of getppid and failing close calls.</summary>
internal static class Syscaller
{
    /// <summary>Runs it to completion and returns its PID.</summary>
    public static int Run(long getppids, long failingCloses = 0)
    {
        using var child = Process.Start(new ProcessStartInfo(NativeBuild.Executable("syscaller"), [getppids.ToString(), failingCloses.ToString()])
        {
            RedirectStandardOutput = true,
        })!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"syscaller exited with {child.ExitCode}");
        return child.Id;
    }
}
