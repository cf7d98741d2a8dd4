namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Rates of one process between two snapshots, divided by the real interval (never by
/// /proc/stat's tick total). A value whose inputs were not read in both snapshots, or whose
/// counter went backwards, is null.
/// </summary>
/// <param name="CpuPct">(Δutime+Δstime) / USER_HZ / interval × 100: 100 is one CPU.</param>
/// <param name="RunDelayPct">Δ(run_delay summed over threads) / interval × 100: 100 is one thread always waiting.</param>
/// <param name="CtxtSwitchesPerSec">Δ(voluntary_ctxt_switches + nonvoluntary_ctxt_switches) of /proc/PID/status per second.</param>
/// <param name="ReadBytesPerSec">Δread_bytes of /proc/PID/io per second.</param>
/// <param name="WriteBytesPerSec">Δwrite_bytes of /proc/PID/io per second.</param>
public readonly record struct ProcessRates(
    double CpuPct,
    double? RunDelayPct,
    double? CtxtSwitchesPerSec,
    double? ReadBytesPerSec,
    double? WriteBytesPerSec);
