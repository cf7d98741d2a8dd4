using TopSharp.Core.Cpu;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;

namespace TopSharp.Testing;

/// <summary>Hand-built snapshots for the rate functions: no clock, no disk. USER_HZ is 100.</summary>
internal static class Snapshots
{
    public const int Hz = 100;

    public static ProcessSample Process(
        int pid, ulong utime, ulong stime = 0, ulong starttime = 100, int ppid = 1,
        ulong cutime = 0, ulong cstime = 0, SchedStat? schedStat = null, PidIo? io = null,
        ulong voluntary = 0, ulong nonvoluntary = 0, bool status = false) =>
        new(
            new PidStat(pid, 'R', ppid, 0, 0, 0, utime, stime, cutime, cstime, 20, 0, 1, starttime, 0, 0, 0, 0, 0, null),
            $"p{pid}", "", 0, default,
            status ? new PidStatus($"p{pid}", pid, 0, "0-1", "0", voluntary, nonvoluntary, null, null, null, null, null) : null,
            io, null, schedStat, null);

    public static CpuTimes Times(ulong user, ulong system, ulong idle, ulong iowait = 0, ulong nice = 0,
        ulong irq = 0, ulong softirq = 0, ulong steal = 0, ulong guest = 0) =>
        new(user, nice, system, idle, iowait, irq, softirq, steal, guest, 0);

    /// <summary>A snapshot taken <paramref name="uptimeSeconds"/> after boot; the timestamp is the uptime.</summary>
    public static SystemSnapshot At(double uptimeSeconds, IReadOnlyList<ProcessSample> processes, params CpuTimes[] cpus)
    {
        ProcStat? stat = cpus.Length == 0 ? null : new ProcStat(
            Sum(cpus), cpus.Select((t, i) => new CpuLine(i, t)).ToList(), 0, 0, 0, 0);
        return new SystemSnapshot(
            TimeSpan.FromSeconds(uptimeSeconds), Hz, 4096, new Uptime(uptimeSeconds, 0), stat, null,
            new Pressure(null, null, null), null, processes, new Dictionary<int, string>(), []);
    }

    private static CpuTimes Sum(CpuTimes[] cpus) => cpus.Aggregate(default(CpuTimes), (a, b) => new CpuTimes(
        a.User + b.User, a.Nice + b.Nice, a.System + b.System, a.Idle + b.Idle, a.Iowait + b.Iowait,
        a.Irq + b.Irq, a.Softirq + b.Softirq, a.Steal + b.Steal, a.Guest + b.Guest, a.GuestNice + b.GuestNice));
}
