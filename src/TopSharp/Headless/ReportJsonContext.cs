using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using TopSharp.Core.Text;

namespace TopSharp.Headless;

/// <summary>Source-generated (no reflection, NativeAOT-safe) snake_case writer for <see cref="Report"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(SyscallsJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Letters of every script are written as they are, for people reading the output; control
    /// characters, and whatever else <see cref="TerminalText"/> escapes (bidi overrides, line
    /// separators), are written as \uXXXX, so the output cannot drive or reorder a terminal.
    /// </summary>
    public static ReportJsonContext Readable => s_readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(ReadableText()),
    });

    private static ReportJsonContext? s_readable;

    /// <summary>Every character but those a terminal would act on; shared with the other JSON writers.</summary>
    internal static TextEncoderSettings ReadableText()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.All);
        for (char c = '\u0080'; c < '\uFFFF'; c++)
            if (TerminalText.NeedsEscape(c)) settings.ForbidCharacter(c);
        return settings;
    }
}
