using TopSharp.Testing;

namespace TopSharp.Core.Tests;

/// <summary>The captured trees as <see cref="KernelRoot"/>s (see tests/fixtures/*/ANSWERS.md).</summary>
internal static class FixtureRoots
{
    public static KernelRoot Cgroup2T0 { get; } = new(Fixtures.Dir("numa4-cgroup2/t0"));
    public static KernelRoot Cgroup2T1 { get; } = new(Fixtures.Dir("numa4-cgroup2/t1"));
    public static KernelRoot Cgroup1T0 { get; } = new(Fixtures.Dir("numa4-cgroup1/t0"));

    /// <summary>The bytes of a file below a root's proc/.</summary>
    public static byte[] ProcBytes(KernelRoot root, string relative) => File.ReadAllBytes(root.Proc(relative));
}
