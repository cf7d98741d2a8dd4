using System.Diagnostics;

namespace TopSharp.Bpf.Tests;

/// <summary>
/// tests/native/opener.c running: it waits on stdin, and each <see cref="Open"/> makes that many openat(2) calls of its
/// path (a missing one: each fails with ENOENT) and returns when they are done. Disposing kills it and waits.
/// </summary>
internal sealed class Opener : IDisposable
{
    private readonly Process _process;

    public Opener(string path)
    {
        _process = Process.Start(new ProcessStartInfo(NativeBuild.Executable("opener"), [path])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Path = path;
        Pid = int.Parse(_process.StandardOutput.ReadLine()!);
    }

    public int Pid { get; }

    public string Path { get; }

    public void Open(int calls)
    {
        _process.StandardInput.WriteLine(calls);
        _process.StandardOutput.ReadLine();   // the CPU time per call, written after the last one
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
