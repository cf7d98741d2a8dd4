using System.IO.Compression;
using System.Text.RegularExpressions;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The scheduler tick rate, CONFIG_HZ, from the running kernel's configuration:
/// /proc/config.gz (CONFIG_IKCONFIG_PROC) or /boot/config-$(uname -r).
/// </summary>
internal static partial class KernelHz
{
    /// <summary>CONFIG_HZ, or null when neither configuration file is readable.</summary>
    public static int? Read()
    {
        string? config = ReadConfig();
        if (config is null) return null;
        Match match = ConfigHz().Match(config);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    private static string? ReadConfig()
    {
        try
        {
            if (File.Exists("/proc/config.gz"))
            {
                using var gzip = new GZipStream(File.OpenRead("/proc/config.gz"), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                return reader.ReadToEnd();
            }
            string release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
            string boot = $"/boot/config-{release}";
            return File.Exists(boot) ? File.ReadAllText(boot) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^CONFIG_HZ=(\d+)$", RegexOptions.Multiline)]
    private static partial Regex ConfigHz();
}
