using System.Diagnostics;

namespace TopSharp.Tests.EndToEnd;

/// <summary>
/// A tmux server of its own (its own socket) with one fixed-size window running an interactive shell, to
/// drive the real binary as a user would. Waits poll the screen against a deadline; nothing sleeps blind.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _socket = "topsharp-e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _config = Directory.CreateTempSubdirectory("topsharp-e2e-config-").FullName;

    public TmuxSession(int width, int height, IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        env.TryAdd("PS1", "e2e$ ");
        env.TryAdd("TERM", "xterm-256color");
        env.TryAdd("XDG_CONFIG_HOME", _config);   // the dashboard saves config.json on quit: not into the user's
        string exports = string.Join(" ", env.Select(kv => $"{kv.Key}='{kv.Value}'"));
        Run("new-session", "-d", "-s", "e2e", "-x", width.ToString(), "-y", height.ToString(),
            // The headless UI tests' DisableRealDriverIO would reach the app through the tmux server: drop it.
            $"env -u DisableRealDriverIO {exports} bash --norc --noprofile -i");
        WaitFor(s => s.Contains("e2e$"), "the shell prompt");
    }

    /// <summary>Types <paramref name="line"/> into the shell and presses Enter.</summary>
    public void Type(string line)
    {
        Run("send-keys", "-t", "e2e", "-l", line);
        Run("send-keys", "-t", "e2e", "Enter");
    }

    /// <summary>Sends tmux key names (<c>q</c>, <c>F10</c>, <c>C-c</c>, <c>Escape</c>).</summary>
    public void Keys(params string[] keys) => Run(["send-keys", "-t", "e2e", .. keys]);

    /// <summary>The visible screen as text (<paramref name="escapes"/>: with SGR colour codes).</summary>
    public string Screen(bool escapes = false) => escapes ? Run("capture-pane", "-p", "-e", "-t", "e2e") : Run("capture-pane", "-p", "-t", "e2e");

    public string WaitFor(Func<string, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < Deadline)
        {
            screen = Screen();
            if (condition(screen)) return screen;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"waited {Deadline.TotalSeconds:0} s for {what}; the screen was:\n{screen}");
    }

    public string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(" ", args)}: {error}");
        return output;
    }

    public void Dispose()
    {
        try { Run("kill-server"); }
        catch (InvalidOperationException) { /* the server already ended with its last window */ }
        Directory.Delete(_config, recursive: true);
    }
}
