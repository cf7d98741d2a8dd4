using System.Globalization;

namespace TopSharp.ViewModels.Formatting;

/// <summary>The number formats of the panes, after htop's: memory in K/M/G/T, CPU time as TIME+, one-decimal percent.</summary>
public static class Units
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One decimal: "0.0", "12.3", "150.0".</summary>
    public static string Percent(double pct) => pct.ToString("0.0", Invariant);

    /// <summary>
    /// A process memory column (VIRT, RES, SHR) in at most 5 characters, htop's unit ladder: plain
    /// KiB below 100000 KiB ("65432"), whole MiB below 10000 MiB ("2316M"), GiB with one decimal
    /// below 100 GiB ("17.5G"), whole GiB below 10000 GiB ("512G"), then TiB ("10.0T").
    /// </summary>
    public static string Memory(ulong bytes)
    {
        ulong kib = bytes / 1024;
        if (kib < 100_000) return kib.ToString(Invariant);
        double mib = kib / 1024.0;
        if (mib < 10_000) return ((ulong)mib).ToString(Invariant) + "M";
        double gib = mib / 1024;
        if (gib < 100) return gib.ToString("0.0", Invariant) + "G";
        if (gib < 10_000) return ((ulong)gib).ToString(Invariant) + "G";
        return (gib / 1024).ToString("0.0", Invariant) + "T";
    }

    /// <summary>A size for bars and totals: "512K", "1.23G", "7.77G", "0K".</summary>
    public static string Bytes(ulong bytes)
    {
        double v = bytes / 1024.0;
        string[] units = ["K", "M", "G", "T", "P"];
        int u = 0;
        while (v >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }
        string text = u == 0 ? ((ulong)v).ToString(Invariant) : v < 10 ? v.ToString("0.00", Invariant) : v < 100 ? v.ToString("0.0", Invariant) : ((ulong)v).ToString(Invariant);
        return text + units[u];
    }

    /// <summary>A rate in bytes per second: "0", "512K", "1.23M" (per second implied by the column title).</summary>
    public static string ByteRate(double bytesPerSec) => bytesPerSec < 1 ? "0" : bytesPerSec < 1024 ? ((ulong)bytesPerSec).ToString(Invariant) + "B" : Bytes((ulong)bytesPerSec);

    /// <summary>A count per second: "0", "12", "1.5k".</summary>
    public static string CountRate(double perSec) =>
        perSec < 1000 ? perSec.ToString("0", Invariant) : perSec < 1_000_000 ? (perSec / 1000).ToString("0.0", Invariant) + "k" : (perSec / 1_000_000).ToString("0.0", Invariant) + "M";

    /// <summary>
    /// TIME+ from USER_HZ ticks: "m:ss.cc" below an hour ("0:01.23", "59:59.99"), "Hh:mm:ss" below
    /// 100 hours ("2h05:10"), then whole hours ("123h").
    /// </summary>
    public static string CpuTime(ulong ticks, int ticksPerSecond)
    {
        if (ticksPerSecond <= 0) ticksPerSecond = 100;
        ulong centis = ticks * 100 / (ulong)ticksPerSecond;
        ulong totalSeconds = centis / 100;
        if (totalSeconds < 3600)
            return string.Create(Invariant, $"{totalSeconds / 60}:{totalSeconds % 60:00}.{centis % 100:00}");
        ulong hours = totalSeconds / 3600;
        if (hours < 100)
            return string.Create(Invariant, $"{hours}h{totalSeconds / 60 % 60:00}:{totalSeconds % 60:00}");
        return string.Create(Invariant, $"{hours}h");
    }

    /// <summary>"3 days, 04:05:06", "1 day, 00:00:10", "04:05:06".</summary>
    public static string Uptime(TimeSpan t)
    {
        string clock = string.Create(Invariant, $"{t.Hours:00}:{t.Minutes:00}:{t.Seconds:00}");
        return t.Days switch
        {
            0 => clock,
            1 => "1 day, " + clock,
            int d => $"{d} days, {clock}",
        };
    }
}
