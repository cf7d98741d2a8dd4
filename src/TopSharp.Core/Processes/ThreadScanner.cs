namespace TopSharp.Core.Processes;

/// <summary>
/// The threads of one process, from <c>task/TID/{stat,schedstat}</c>: their schedstat summed for
/// <see cref="ProcessFiles.SchedStat"/> (the process's own schedstat covers its main thread only),
/// and one <see cref="ThreadSample"/> each for <see cref="ProcessFiles.Threads"/>. A thread that
/// exits mid-read is left out.
/// </summary>
internal sealed class ThreadScanner
{
    private readonly List<int> _tids = [];

    /// <summary>False when the process itself is gone.</summary>
    public bool TryRead(
        ProcDirectory proc, ProcessNameCache names, int pid, ProcessFiles files, List<ParseDiagnostic> diagnostics,
        out SchedStat? sum, out List<ThreadSample>? threads)
    {
        sum = null;
        threads = null;
        _tids.Clear();
        if (!proc.TryListTasks(pid, _tids)) return false;

        bool keepThreads = (files & ProcessFiles.Threads) != 0;
        if (keepThreads) threads = new List<ThreadSample>(_tids.Count);
        ulong runtime = 0, delay = 0, slices = 0;
        int summed = 0;
        foreach (int tid in _tids)
        {
            PidStat stat = default;
            ProcessNameCache.Entry? entry = null;
            if (keepThreads && !ProcFileReads.TryReadStat(proc, names, pid, tid, diagnostics, out stat, out entry))
                continue;
            SchedStat? schedStat = ReadSchedStat(proc, pid, tid, diagnostics);
            if (schedStat is SchedStat s)
            {
                runtime += s.SumExecRuntimeNs;
                delay += s.RunDelayNs;
                slices += s.Timeslices;
                summed++;
            }
            if (entry is not null) threads!.Add(new ThreadSample(tid, entry.Comm, stat, schedStat));
        }
        if ((files & ProcessFiles.SchedStat) != 0 && summed > 0) sum = new SchedStat(runtime, delay, slices);
        return true;
    }

    private static SchedStat? ReadSchedStat(ProcDirectory proc, int pid, int tid, List<ParseDiagnostic> diagnostics) =>
        ProcFileReads.TryRead(proc, pid, tid, "schedstat"u8, SchedStatReader.Source, diagnostics, out ReadOnlySpan<byte> content)
        && ProcFileReads.TryParse(proc, pid, tid, "schedstat"u8, content, SchedStatReader.TryParse, diagnostics, out SchedStat value)
            ? value
            : null;
}
