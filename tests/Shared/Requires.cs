using Xunit;

namespace TopSharp.Testing;

/// <summary>
/// A skip must earn itself: each names what is missing. With TOPSHARP_REQUIRE_PRIVILEGED=1
/// (as .ci/run sets) a missing capability is a failure, not a skip.
/// </summary>
internal static class Requires
{
    public static bool PrivilegedRequired => Environment.GetEnvironmentVariable("TOPSHARP_REQUIRE_PRIVILEGED") == "1";

    public static void Root(string why) => That(Environment.UserName == "root" || geteuid() == 0, $"needs root: {why}");

    /// <summary>Skips (or fails, under TOPSHARP_REQUIRE_PRIVILEGED=1) unless <paramref name="condition"/>.</summary>
    public static void That(bool condition, string reason)
    {
        if (condition) return;
        if (PrivilegedRequired) throw new InvalidOperationException($"TOPSHARP_REQUIRE_PRIVILEGED=1 but {reason}");
        Skip.If(true, reason);
    }

    public static void Tool(string name, string why) =>
        That(FindOnPath(name) is not null, $"needs '{name}' on PATH ({why}); .ci/run installs it");

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
