using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopSharp.Headless;

/// <summary>Source-generated (no reflection, NativeAOT-safe) snake_case writer for <see cref="Report"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Report))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Control characters (in comm, cmdline, paths) are always written as \uXXXX; other text,
    /// quotes and non-ASCII included, is written as is, for people reading the output.
    /// </summary>
    public static ReportJsonContext Readable => s_readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static ReportJsonContext? s_readable;
}
