using System.Runtime.InteropServices;
using TopSharp.Bpf;

namespace TopSharp.Bpf.Tests;

/// <summary>The objects the tests load: the product's syscalls.bpf.o and this project's loader_test.bpf.o.</summary>
internal static class TestObjects
{
    public static BpfObjectSpec LoaderTestSpec() => BpfObjectSpec.Parse(ReadTestObject("loader_test.bpf.o"), "loader_test.bpf.o");

    public static BpfObjectSpec SyscallsSpec() => BpfObjectSpec.Parse(BpfObject.ReadEmbedded("syscalls.bpf.o"), "syscalls.bpf.o");

    public static byte[] ReadTestObject(string name)
    {
        using Stream s = typeof(TestObjects).Assembly.GetManifestResourceStream(name) ?? throw new FileNotFoundException(name);
        var bytes = new byte[s.Length];
        s.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>A raw_tp context: the tracepoint's u64 arguments.</summary>
    public static byte[] Context(params long[] args) => MemoryMarshal.AsBytes(args.AsSpan()).ToArray();

    public static uint Tgid => (uint)Environment.ProcessId;
}
