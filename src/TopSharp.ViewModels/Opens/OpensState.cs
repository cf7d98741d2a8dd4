namespace TopSharp.ViewModels.Opens;

/// <summary>What the opens view shows, already formatted and escaped (paths and names are untrusted).</summary>
/// <param name="Scope">"PID 1234 (nginx)" or "cgroup /system.slice/x.service".</param>
/// <param name="Unavailable">Why nothing can be traced (privilege, kernel), or null.</param>
/// <param name="Rows">The kept events that pass the filter, oldest first.</param>
/// <param name="Summary">Paths that pass the filter, in <see cref="Sort"/> order.</param>
/// <param name="Events">Events received since the view opened (all of them, filter or not).</param>
/// <param name="Lost">Events the kernel dropped (ring buffer full); never hidden.</param>
/// <param name="Pending">Events that arrived while paused and are not yet in <see cref="Rows"/>.</param>
public sealed record OpensState(
    string Scope,
    string? Unavailable,
    IReadOnlyList<OpenRow> Rows,
    IReadOnlyList<PathRow> Summary,
    long Events,
    long Failures,
    ulong Lost,
    bool Paused,
    long Pending,
    string Filter,
    bool FailuresOnly,
    bool ShowSummary,
    SummarySort Sort)
{
    public static OpensState Empty(string scope) => new(scope, null, [], [], 0, 0, 0, false, 0, "", false, false, SummarySort.Count);
}

/// <summary>One open: local time, PID, thread name, result (fd or errno name), O_* flags, path.</summary>
public sealed record OpenRow(string Time, int Pid, string Comm, string Result, bool Failed, string Flags, string Path);

/// <summary>One path of the summary: opens, failures, and the last failure's errno name ("" if none).</summary>
public sealed record PathRow(string Path, long Count, long Failures, string LastError);
