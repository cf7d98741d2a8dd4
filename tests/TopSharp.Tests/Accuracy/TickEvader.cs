using System.Diagnostics;
using System.Globalization;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// tests/native/tickevader.c, compiled with gcc and running: a process pinned to one CPU that
/// is busy for half of every tick period, either between the ticks (so tick-sampled /proc/stat
/// never sees it) or across them. It reports its own CLOCK_PROCESS_CPUTIME_ID every 100 ms.
/// </summary>
internal sealed class TickEvader : IDisposable
{
    private static readonly Lazy<string> Executable = new(Compile);

    private readonly Process _process;
    private readonly List<Report> _reports = [];
    private readonly List<string> _stderr = [];

    /// <summary>One line of its stdout: CLOCK_MONOTONIC and CLOCK_PROCESS_CPUTIME_ID, in ns.</summary>
    public readonly record struct Report(long MonotonicNs, long CpuNs)
    {
        /// <summary>Its CPU use from this report to a later one, in percent of one CPU.</summary>
        public double CpuPctUntil(Report later) =>
            100.0 * (later.CpuNs - CpuNs) / (later.MonotonicNs - MonotonicNs);
    }

    public TickEvader(int cpu, int hz, bool onTick)
    {
        int tickUs = 1_000_000 / hz;
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])["--cpu", $"{cpu}", "--tick-us", $"{tickUs}", "--busy-us", $"{tickUs / 2}", "--report-ms", "100"])
            start.ArgumentList.Add(arg);
        if (onTick) start.ArgumentList.Add("--on-tick");

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnReport(e.Data);
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    /// <summary>What it said on stderr: its pid, CPU, tick phase and placement.</summary>
    public string Stderr { get { lock (_stderr) return string.Join('\n', _stderr); } }

    /// <summary>Waits for the next report it writes, so the report is at most 100 ms old.</summary>
    public Report NextReport()
    {
        lock (_reports)
        {
            int seen = _reports.Count;
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (_reports.Count == seen)
            {
                if (_process.HasExited) throw new InvalidOperationException($"tickevader exited ({_process.ExitCode}): {Stderr}");
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException($"tickevader wrote no report for 5 s: {Stderr}");
                Monitor.Wait(_reports, left);
            }
            return _reports[^1];
        }
    }

    public void Dispose()
    {
        try { _process.Kill(); _process.WaitForExit(); }
        catch (InvalidOperationException) { /* already exited */ }
        _process.Dispose();
    }

    private void OnReport(string? line)
    {
        if (line is null) return;
        string[] fields = line.Split(' ');
        var report = new Report(long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
        lock (_reports)
        {
            _reports.Add(report);
            Monitor.PulseAll(_reports);
        }
    }

    /// <summary>gcc -O2 into a fresh temporary directory, once per test run.</summary>
    private static string Compile()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "native", "tickevader.c");
        string dir = Directory.CreateTempSubdirectory("topsharp-tickevader-").FullName;
        string exe = Path.Combine(dir, "tickevader");
        var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Werror", "-o", exe, source])
        {
            RedirectStandardError = true,
        })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed on {source}:\n{errors}");
        return exe;
    }
}
