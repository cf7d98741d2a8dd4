namespace TopSharp.Bpf.Sched;

/// <summary>
/// Moves the calling thread onto each CPU it may run on, and back: every one of those CPUs then
/// switches from whatever it ran (often the idle task, which a quiet CPU may not leave for seconds)
/// to this thread and on, so the sched_switch program knows what each is running.
/// </summary>
internal static class CpuVisits
{
    /// <summary>Room for 8192 CPUs (CONFIG_NR_CPUS's largest); sched_getaffinity fails on a smaller mask than the kernel's.</summary>
    private const int MaskBytes = 1024;

    /// <summary>False when the affinity could not be read or restored; the visit is an optimisation, never required.</summary>
    public static bool EachAllowedCpu()
    {
        Span<byte> allowed = stackalloc byte[MaskBytes];
        if (!SchedNative.TryGetAffinity(allowed)) return false;
        Span<byte> one = stackalloc byte[MaskBytes];
        for (int cpu = 0; cpu < MaskBytes * 8; cpu++)
        {
            if ((allowed[cpu / 8] & (1 << (cpu % 8))) == 0) continue;
            one.Clear();
            one[cpu / 8] = (byte)(1 << (cpu % 8));
            SchedNative.TrySetAffinity(one); // a CPU gone offline meanwhile is simply skipped
        }
        return SchedNative.TrySetAffinity(allowed);
    }
}
