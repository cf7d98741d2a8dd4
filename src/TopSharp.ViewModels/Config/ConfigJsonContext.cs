using System.Text.Json.Serialization;

namespace TopSharp.ViewModels.Config;

/// <summary>Source-generated JSON for config.json (no reflection, so NativeAOT keeps working).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(TopSharpConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
