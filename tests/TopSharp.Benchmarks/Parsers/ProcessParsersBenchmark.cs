using BenchmarkDotNet.Attributes;
using TopSharp.Core;
using TopSharp.Core.Processes;

namespace TopSharp.Benchmarks.Parsers;

/// <summary>
/// The per-process parsers over every process of the numa4-cgroup2 t0 capture (122 processes), per file.
/// Run: <c>dotnet run -c Release --project tests/TopSharp.Benchmarks -- --filter '*ProcessParsersBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
public class ProcessParsersBenchmark
{
    private byte[][] _stat = [], _status = [], _statm = [], _io = [], _schedstat = [], _cgroup = [];

    [GlobalSetup]
    public void Setup()
    {
        string proc = CapturedProc.Dir("numa4-cgroup2/t0");
        string[] pids = Directory.GetDirectories(proc).Where(d => int.TryParse(Path.GetFileName(d), out _)).ToArray();
        byte[][] Files(string name) => pids.Select(d => File.ReadAllBytes(Path.Combine(d, name))).ToArray();
        (_stat, _status, _statm, _io, _schedstat, _cgroup) =
            (Files("stat"), Files("status"), Files("statm"), Files("io"), Files("schedstat"), Files("cgroup"));
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public ulong Stat()
    {
        ulong sum = 0;
        foreach (byte[] f in _stat)
            if (PidStatReader.TryParse(f, out PidStat s, out ReadOnlySpan<byte> comm)) sum += s.Utime + (ulong)comm.Length;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public ulong Status()
    {
        ulong sum = 0;
        foreach (byte[] f in _status)
            if (PidStatusReader.TryParse(f, out PidStatus? s)) sum += s.VoluntaryCtxtSwitches;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public ulong Statm()
    {
        ulong sum = 0;
        foreach (byte[] f in _statm)
            if (PidStatmReader.TryParse(f, out PidStatm s)) sum += s.Resident;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public ulong Io()
    {
        ulong sum = 0;
        foreach (byte[] f in _io)
            if (PidIoReader.TryParse(f, out PidIo? s)) sum += s.Rchar;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public ulong SchedStat()
    {
        ulong sum = 0;
        foreach (byte[] f in _schedstat)
            if (SchedStatReader.TryParse(f, out SchedStat s)) sum += s.RunDelayNs;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 122)]
    public int Cgroup()
    {
        int sum = 0;
        foreach (byte[] f in _cgroup)
            if (PidCgroupReader.TryParse(f, out PidCgroup? c)) sum += c.Memberships.Count;
        return sum;
    }
}
