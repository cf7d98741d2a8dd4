using System.Diagnostics;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Tests.EndToEnd;

/// <summary>
/// The real binary in a real terminal (tmux): the dashboard comes up, and whatever stops it (q, F10,
/// Ctrl+C, SIGTERM, SIGHUP) leaves the shell as it found it: normal screen, echo and line editing back on.
/// </summary>
[Collection(EndToEndCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DashboardEndToEndTests
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "topsharp.dll");

    /// <summary>Text only the dashboard draws (the tab strip and the status line).</summary>
    private static bool DashboardShown(string screen) => screen.Contains("1 Processes") && screen.Contains("F1 Help");

    [SkippableTheory]
    [InlineData("q")]
    [InlineData("F10")]
    [InlineData("C-c")]
    public void Quit_key_restores_the_shell(string key)
    {
        Requires.Tool("tmux", "drives the real binary in a terminal");
        using var tmux = new TmuxSession(200, 50);
        tmux.Type($"dotnet {Binary}; echo EXIT=$?");
        tmux.WaitFor(DashboardShown, "the dashboard");
        tmux.Keys(key);
        AssertShellRestored(tmux, "EXIT=0");
    }

    [SkippableTheory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public void Signal_restores_the_shell(string signal)
    {
        Requires.Tool("tmux", "drives the real binary in a terminal");
        string pidFile = Path.Combine(Path.GetTempPath(), $"topsharp-e2e-{Guid.NewGuid():N}.pid");
        using var tmux = new TmuxSession(200, 50);
        tmux.Type($"bash -c 'echo $$ > {pidFile}; exec dotnet {Binary}'; echo EXIT=$?");
        tmux.WaitFor(DashboardShown, "the dashboard");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim());
        File.Delete(pidFile);
        using (var kill = Process.Start("kill", $"-{signal} {pid}")) kill.WaitForExit();
        AssertShellRestored(tmux, "EXIT=0");
    }

    /// <summary>
    /// An SSH drop: the terminal itself goes away (tmux closes the pty), so nothing is left to restore,
    /// but the process must not outlive it. Before the shutdown watchdog it kept running at 100% CPU.
    /// </summary>
    [SkippableFact]
    public void Dropped_terminal_ends_the_process()
    {
        Requires.Tool("tmux", "drives the real binary in a terminal");
        string pidFile = Path.Combine(Path.GetTempPath(), $"topsharp-e2e-{Guid.NewGuid():N}.pid");
        int pid;
        using (var tmux = new TmuxSession(120, 30))
        {
            tmux.Type($"bash -c 'echo $$ > {pidFile}; exec dotnet {Binary}'");
            tmux.WaitFor(DashboardShown, "the dashboard");
            pid = int.Parse(File.ReadAllText(pidFile).Trim());
            File.Delete(pidFile);
        }   // kill-server: the pty is gone
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && Directory.Exists($"/proc/{pid}")) Thread.Sleep(100);
        bool alive = Directory.Exists($"/proc/{pid}");
        if (alive) using (var kill = Process.Start("kill", $"-KILL {pid}")) kill.WaitForExit();
        Assert.False(alive, $"topsharp (pid {pid}) still ran 10 s after its terminal went away");
    }

    [SkippableFact]
    public void Esc_does_not_quit()
    {
        Requires.Tool("tmux", "drives the real binary in a terminal");
        using var tmux = new TmuxSession(120, 30);
        tmux.Type($"dotnet {Binary}; echo EXIT=$?");
        tmux.WaitFor(DashboardShown, "the dashboard");
        tmux.Keys("Escape");
        tmux.Keys("F1");
        tmux.WaitFor(s => s.Contains("TopSharp keys"), "the help screen");
        tmux.Keys("Escape");
        tmux.WaitFor(s => !s.Contains("TopSharp keys") && DashboardShown(s), "help closed, dashboard still up");
        tmux.Keys("q");
        AssertShellRestored(tmux, "EXIT=0");
    }

    [SkippableFact]
    public void Process_named_with_an_escape_sequence_is_shown_escaped()
    {
        Requires.Tool("tmux", "drives the real binary in a terminal");
        Requires.Tool("sleep", "the hostile process is a renamed copy of sleep");
        string dir = Directory.CreateTempSubdirectory("topsharp-e2e-").FullName;
        string hostile = Path.Combine(dir, "bad\u001b[31mname");
        File.Copy(Requires.FindOnPath("sleep")!, hostile);
        File.SetUnixFileMode(hostile, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        using Process child = Process.Start(hostile, "300");
        try
        {
            using var tmux = new TmuxSession(200, 50);
            tmux.Type($"dotnet {Binary}; echo EXIT=$?");
            tmux.WaitFor(DashboardShown, "the dashboard");
            tmux.Keys("F4");                 // the table's filter: only matching processes
            tmux.Run("send-keys", "-t", "e2e", "-l", "bad");
            tmux.Keys("Enter");
            string screen = tmux.WaitFor(s => s.Contains("bad\\e[31mname"), "the escaped name");
            Assert.DoesNotContain("\u001b", screen);
            Assert.DoesNotContain("\u001b[31mname", tmux.Screen(escapes: true));
            tmux.Keys("q");
            AssertShellRestored(tmux, "EXIT=0");
        }
        finally
        {
            child.Kill();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The dashboard is gone, the exit line and a prompt are there, and the tty is cooked again.</summary>
    private static void AssertShellRestored(TmuxSession tmux, string exitLine)
    {
        string screen = tmux.WaitFor(s => s.Contains(exitLine), exitLine);
        Assert.False(DashboardShown(screen), "the alternate screen was left:\n" + screen);
        // bash's readline restores the tty it found, so a raw tty left behind shows up here as -icanon -echo.
        tmux.Type("echo MODE-$(stty -a | grep -oE -- '-?icanon' | head -1)-$(stty -a | grep -oE -- '(^| )-?echo( |;|$)' | head -1 | tr -d ' ;')-END");
        string mode = tmux.WaitFor(s => s.Split('\n').Any(IsModeLine), "the tty mode line");
        Assert.Equal("MODE-icanon-echo-END", mode.Split('\n').First(IsModeLine).Trim());
    }

    private static bool IsModeLine(string line) => line.StartsWith("MODE-", StringComparison.Ordinal) && line.TrimEnd().EndsWith("-END", StringComparison.Ordinal);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "tmux end-to-end";
}
