using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopSharp.Headless;

/// <summary>One line of <c>--opens --json</c> per call (docs/json.md, "opens").</summary>
/// <param name="Time">When the call returned, UTC, ISO 8601.</param>
/// <param name="Result">The fd, or -errno.</param>
/// <param name="Errno">ENOENT, EACCES…, null for a success.</param>
/// <param name="Path">As the process passed it (may be relative); null when the kernel could not read it.</param>
/// <param name="PathTruncated">True when the path filled the 256-byte buffer and may go on.</param>
public sealed record OpenEventJson(
    DateTimeOffset Time, int Pid, int Tid, string Comm, string Syscall, long Result, string? Errno,
    string Flags, ulong FlagsRaw, string? Path, bool PathTruncated);

/// <summary>The last line of <c>--opens --json</c>, under the key <c>summary</c>.</summary>
public sealed record OpensSummaryLine(OpensSummaryJson Summary);

/// <param name="Available">False when nothing could be traced; <see cref="Reason"/> says why.</param>
/// <param name="Pid">The traced process, or null for all processes (TopSharp itself excluded) or a cgroup.</param>
/// <param name="Cgroup">The traced cgroup v2 (and its descendants) by its path below the unified root, or null.</param>
/// <param name="Lost">Calls the kernel dropped because the ring buffer was full.</param>
public sealed record OpensSummaryJson(
    bool Available, string? Reason, int? Pid, string? Cgroup, double DurationS, long Events, long Failures, ulong Lost,
    IReadOnlyList<OpenPathJson> ByPath);

/// <param name="LastErrno">The errno name of the latest failed open of this path, or null.</param>
public sealed record OpenPathJson(string Path, long Count, long Failures, string? LastErrno);

/// <summary>Source-generated, one line per document; escapes what a terminal would act on, as the report does.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OpenEventJson))]
[JsonSerializable(typeof(OpensSummaryLine))]
internal sealed partial class OpensJsonContext : JsonSerializerContext
{
    public static OpensJsonContext Readable => s_readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(ReportJsonContext.ReadableText()),
    });

    private static OpensJsonContext? s_readable;
}
