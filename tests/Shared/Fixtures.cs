namespace TopSharp.Testing;

/// <summary>The captured trees under tests/fixtures/, copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
