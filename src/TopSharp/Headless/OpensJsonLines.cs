using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using TopSharp.Bpf.Opens;
using TopSharp.Cli;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Text;
using TopSharp.ViewModels.Opens;

namespace TopSharp.Headless;

/// <summary>
/// <c>--opens --json</c>: one JSON line per open(2)-family call as it arrives, then a summary line when
/// <c>--duration</c> ends, or at Ctrl+C / SIGTERM (both are caught, so the summary is always written and the
/// programs detach as the source is disposed).
/// </summary>
internal static class OpensJsonLines
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static int Run(CommandLineOptions options, TextWriter stdout, TextWriter stderr, Func<OpensScope, IOpenEventSource> start)
    {
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        if (options.Duration is { } duration) stop.CancelAfter(duration);
        if (Scope(options, KernelRoot.Live, out string error) is not { } scope)
        {
            stderr.WriteLine($"topsharp: --cgroup: {error}");
            return App.BadOptions;
        }
        return Trace(scope, start, stdout, stderr, stop.Token);
    }

    /// <summary>
    /// The <c>--pid</c>, the <c>--cgroup</c> (its v2 id from the directory on <paramref name="root"/>'s unified hierarchy),
    /// or every process but this one; null with the reason when the cgroup is not one on the unified hierarchy.
    /// </summary>
    internal static OpensScope? Scope(CommandLineOptions options, KernelRoot root, out string error)
    {
        error = "";
        if (options.Cgroup is { } key)
        {
            if (key.Hierarchy != "unified")
            {
                error = $"{TerminalText.Escape(key.Hierarchy + ":" + key.Path)} is on a cgroup v1 hierarchy, which has no cgroup v2 id to filter by: give the group's path on the unified hierarchy";
                return null;
            }
            using var file = new KernelFile();
            CgroupLayout layout = MountInfoReader.Read(root, file, []);
            return UnifiedCgroup.TryResolve(root, layout, key.Path, out UnifiedCgroup group, out error) ? OpensScope.Cgroup(group.Id, group.Path) : null;
        }
        return options.Pids.Count == 1 ? OpensScope.Process(options.Pids[0], "") : OpensScope.All(Environment.ProcessId);
    }

    /// <summary>Writes events until <paramref name="stop"/>, then the summary; 1 when nothing could be traced.</summary>
    public static int Trace(OpensScope scope, Func<OpensScope, IOpenEventSource> start, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        long began = Stopwatch.GetTimestamp();
        var summary = new PathSummary();
        long events = 0, failures = 0;
        using IOpenEventSource source = start(scope);
        var batch = new List<OpenEvent>();
        while (source.Unavailable is null)
        {
            bool last = stop.WaitHandle.WaitOne(Poll);
            batch.Clear();
            source.Drain(batch);
            foreach (OpenEvent e in batch)
            {
                events++;
                if (e.Failed) failures++;
                summary.Add(e);
                stdout.WriteLine(JsonSerializer.Serialize(Line(e), OpensJsonContext.Readable.OpenEventJson));
            }
            stdout.Flush();
            if (last) break;
        }
        if (source.Unavailable is { } reason) stderr.WriteLine($"topsharp: --opens: {reason}");
        var byPath = summary.Sorted(SummarySort.Count)
            .Select(p => new OpenPathJson(p.Path, p.Count, p.Failures, p.LastErrno == 0 ? null : ErrnoNames.Name(p.LastErrno))).ToList();
        var line = new OpensSummaryLine(new OpensSummaryJson(
            source.Unavailable is null, source.Unavailable, scope.Kind == OpensScopeKind.Process ? scope.Tgid : null, scope.CgroupPath,
            Math.Round(Stopwatch.GetElapsedTime(began).TotalSeconds, 3), events, failures, source.Lost, byPath));
        stdout.WriteLine(JsonSerializer.Serialize(line, OpensJsonContext.Readable.OpensSummaryLine));
        stdout.Flush();
        return source.Unavailable is null ? App.Ok : App.Failed;
    }

    private static OpenEventJson Line(OpenEvent e) => new(
        e.Time, e.Pid, e.Tid, e.Comm, e.SyscallName(RuntimeInformation.ProcessArchitecture), e.Result,
        e.Failed ? ErrnoNames.Name(e.Errno) : null, OpenFlags.Format(e.Flags, RuntimeInformation.ProcessArchitecture), e.Flags,
        e.Path, e.PathTruncated);
}
