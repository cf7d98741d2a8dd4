using System.Diagnostics;
using TopSharp.Bpf.Opens;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests.Opens;

/// <summary>
/// opens.bpf.o attached for real (root): a bash child, waiting on stdin until the tracer is attached, opens
/// known paths with redirections (an open in bash itself, O_RDONLY, no child process).
/// </summary>
public sealed class OpensTracerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("topsharp-opens-").FullName;
    private readonly List<Process> _children = [];

    private static void RequireBpf() => Requires.Root("attaches opens.bpf.o to raw_syscalls:sys_exit");

    /// <summary>
    /// bash that says "ready" once its own start-up (the loader's and its opens) is over, waits for one line,
    /// then runs <paramref name="script"/> with <paramref name="args"/> as $1…; so a tracer attached in between
    /// sees the script's opens only.
    /// </summary>
    private Process Bash(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-c", "echo ready >&2; read -r go; " + script, "bash", .. args]) start.ArgumentList.Add(a);
        Process p = Process.Start(start)!;
        _children.Add(p);
        Assert.Equal("ready", p.StandardError.ReadLine());
        return p;
    }

    private static List<OpenEvent> DrainUntilExit(OpensTracer tracer, Process child, params Process[] others)
    {
        var events = new List<OpenEvent>();
        child.StandardInput.WriteLine("go");
        foreach (Process o in others) o.StandardInput.WriteLine("go");
        while (!child.HasExited || others.Any(o => !o.HasExited))
        {
            tracer.Wait(10);
            tracer.Drain(events);
        }
        tracer.Wait(100);
        tracer.Drain(events);
        return events;
    }

    [SkippableFact]
    public void Every_open_of_the_scoped_process_arrives_in_order_with_its_result_and_errno_and_no_other_process()
    {
        RequireBpf();
        string existing = Path.Join(_dir, "exists");
        File.WriteAllText(existing, "x");
        string hostile = Path.Join(_dir, "new\nline\x1b[31mred");
        File.WriteAllText(hostile, "x");
        (string Path, int Errno)[] expected =
        [
            (existing, 0), (Path.Join(_dir, "missing"), 2), (hostile, 0), (Path.Join(existing, "below-a-file"), 20),
            (Path.Join(_dir, "missing", "deeper"), 2), (existing, 0),
        ];
        const string OpenEach = "for p in \"$@\"; do : < \"$p\"; done 2>/dev/null";
        Process scoped = Bash(OpenEach, expected.Select(e => e.Path).ToArray());
        Process other = Bash(OpenEach, expected.Select(e => e.Path).ToArray());

        using OpensTracer tracer = OpensTracer.Start(OpensScope.Process(scoped.Id, "bash"));
        Assert.Null(tracer.Unavailable);
        List<OpenEvent> events = DrainUntilExit(tracer, scoped, other);

        Assert.All(events, e => Assert.Equal(scoped.Id, e.Pid));
        var ours = events.Where(e => e.Path?.StartsWith(_dir, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(expected.Select(e => e.Path), ours.Select(e => e.Path));
        Assert.Equal(expected.Select(e => e.Errno), ours.Select(e => e.Errno));
        Assert.All(ours.Where(e => !e.Failed), e => Assert.True(e.Result >= 0));
        Assert.All(ours, e => Assert.Equal(0UL, e.Flags & OpenFlags.O_ACCMODE));
        Assert.All(ours, e => Assert.Equal("bash", e.Comm));
        Assert.Equal(0UL, tracer.Lost);
        Assert.Equal(ours.OrderBy(e => e.MonotonicNs).Select(e => e.MonotonicNs), ours.Select(e => e.MonotonicNs));
        Assert.InRange(ours[0].Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [SkippableFact]
    public void A_flood_of_100000_opens_is_counted_exactly_as_events_plus_lost()
    {
        RequireBpf();
        const int Opens = 100_000;
        Process flood = Bash($"for ((i = 0; i < {Opens}; i++)); do : < /dev/null; done");

        using OpensTracer tracer = OpensTracer.Start(OpensScope.Process(flood.Id, "bash"));
        Assert.Null(tracer.Unavailable);
        List<OpenEvent> events = DrainUntilExit(tracer, flood);

        int received = events.Count(e => e.Path == "/dev/null" && e.Result >= 0);
        Assert.Equal(events.Count, received);
        Assert.Equal((ulong)Opens, (ulong)received + tracer.Lost);
    }

    [SkippableFact]
    public void Disposing_the_tracer_detaches_its_program()
    {
        RequireBpf();
        OpensTracer tracer = OpensTracer.Start(OpensScope.All(Environment.ProcessId));
        Assert.Null(tracer.Unavailable);
        Assert.Contains("opens_exit", BpftoolProgList());
        tracer.Dispose();
        for (int i = 0; i < 20 && BpftoolProgList().Contains("opens_exit", StringComparison.Ordinal); i++) Thread.Sleep(100);
        Assert.DoesNotContain("opens_exit", BpftoolProgList());
    }

    private static string BpftoolProgList()
    {
        Requires.Tool("bpftool", "lists the loaded BPF programs");
        var p = Process.Start(new ProcessStartInfo("bpftool", "prog list") { RedirectStandardOutput = true })!;
        string text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }

    public void Dispose()
    {
        foreach (Process p in _children)
        {
            if (!p.HasExited) p.Kill();
            p.Dispose();
        }
        Directory.Delete(_dir, recursive: true);
    }
}
