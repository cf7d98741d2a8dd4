using TopSharp.Core;
using TopSharp.Core.Cpu;
using TopSharp.Core.Sampling.Rates;
using TopSharp.Testing;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The accuracy tests compare whole-machine figures with one process's own use, so other work
/// (a parallel build, another test assembly) must be small. This waits for it to settle.
/// </summary>
internal static class QuietMachine
{
    /// <summary>
    /// Waits until the machine is at most <paramref name="maxBusyPct"/> busy over half a second
    /// (/proc/stat's aggregate line: enough to see a build), for up to 30 s; then skips, or
    /// fails under TOPSHARP_REQUIRE_PRIVILEGED=1, naming how busy it was.
    /// </summary>
    public static void Await(double maxBusyPct = 10)
    {
        using var file = new KernelFile();
        double busy = 100;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            CpuTimes before = ReadTotal(file);
            Thread.Sleep(500);
            busy = CpuLoad.Between(before, ReadTotal(file))?.Busy ?? 100;
            if (busy <= maxBusyPct) return;
        }
        Requires.That(false, $"the machine stayed {busy:F0}% busy with other work for 30 s; this measurement needs it under {maxBusyPct}%");
    }

    private static CpuTimes ReadTotal(KernelFile file)
    {
        var diagnostics = new List<ParseDiagnostic>();
        return ProcStatReader.Read(KernelRoot.Live, file, diagnostics)?.Total
            ?? throw new InvalidOperationException($"/proc/stat: {string.Join("; ", diagnostics)}");
    }
}
