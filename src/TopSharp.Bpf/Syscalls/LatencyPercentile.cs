namespace TopSharp.Bpf.Syscalls;

/// <summary>Percentiles from log2 buckets (bucket s: [2^s, 2^(s+1)) ns), interpolated linearly inside the bucket.</summary>
public static class LatencyPercentile
{
    /// <summary>The <paramref name="fraction"/> (0..1) percentile in ns, or null when no call was timed.</summary>
    public static double? Of(ReadOnlySpan<ulong> buckets, double fraction)
    {
        ulong total = 0;
        foreach (ulong b in buckets) total += b;
        if (total == 0) return null;
        double rank = fraction * total, below = 0;
        for (int s = 0; s < buckets.Length; s++)
        {
            if (buckets[s] == 0) continue;
            if (below + buckets[s] >= rank)
            {
                double low = s == 0 ? 0 : Math.Pow(2, s), high = Math.Pow(2, s + 1);
                return low + (high - low) * Math.Clamp((rank - below) / buckets[s], 0, 1);
            }
            below += buckets[s];
        }
        return Math.Pow(2, buckets.Length);
    }
}
