namespace TopSharp.Core.Sampling.Rates;

/// <summary>
/// Rates of one process between two snapshots, divided by the real interval (never by
/// /proc/stat's tick total). A value whose inputs were not read in both snapshots is null.
/// </summary>
/// <param name="CpuPct">(Δutime+Δstime) / USER_HZ / interval × 100: 100 is one CPU.</param>
/// <param name="RunDelayPct">Δ(run_delay summed over threads) / interval × 100.</param>
public readonly record struct ProcessRates(
    double CpuPct,
    double? RunDelayPct,
    double? CtxtSwitchesPerSec,
    double? ReadBytesPerSec,
    double? WriteBytesPerSec);
