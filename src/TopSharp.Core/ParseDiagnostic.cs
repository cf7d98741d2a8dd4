namespace TopSharp.Core;

/// <summary>
/// What could not be read or parsed, and where: shown in a status line and in the JSON
/// <c>diagnostics[]</c>, never thrown. <paramref name="Line"/> is 1-based, 0 for the whole file.
/// </summary>
public sealed record ParseDiagnostic(string Source, string Path, int Line, string Reason);
