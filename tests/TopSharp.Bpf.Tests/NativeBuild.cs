using System.Collections.Concurrent;
using System.Diagnostics;
using TopSharp.Testing;

namespace TopSharp.Bpf.Tests;

/// <summary>tests/native/NAME.c compiled with gcc once per test run, into a fresh temporary directory.</summary>
internal static class NativeBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> s_built = new();

    /// <summary>The executable of tests/native/<paramref name="name"/>.c; skips the test without gcc.</summary>
    public static string Executable(string name)
    {
        Requires.Tool("gcc", $"compiles tests/native/{name}.c");
        return s_built.GetOrAdd(name, n => new Lazy<string>(() => Compile(n))).Value;
    }

    private static string Compile(string name)
    {
        string source = Path.Combine(AppContext.BaseDirectory, "native", name + ".c");
        string exe = Path.Combine(Directory.CreateTempSubdirectory($"topsharp-{name}-").FullName, name);
        using var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Werror", "-o", exe, source]) { RedirectStandardError = true })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? exe : throw new InvalidOperationException($"gcc failed on {source}:\n{errors}");
    }
}
