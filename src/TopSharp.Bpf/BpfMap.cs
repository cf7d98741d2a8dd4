using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TopSharp.Bpf.Native;

namespace TopSharp.Bpf;

/// <summary>Sees one entry; the spans are valid only during the call. Per-CPU values hold one slot per possible CPU.</summary>
public delegate void BpfEntryVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

/// <summary>
/// A created map. Element calls take raw key/value bytes (or unmanaged structs with the same layout as the C);
/// per-CPU values are <see cref="ValueBufferSize"/> bytes: round_up(value_size, 8) per possible CPU.
/// </summary>
public sealed unsafe partial class BpfMap : IDisposable
{
    /// <summary>Set once the kernel refused a batch operation on this map (tests set it to exercise the fallback).</summary>
    internal bool BatchUnsupported { get; set; }

    internal BpfMap(BpfMapSpec spec, BpfFd fd)
    {
        Spec = spec;
        Fd = fd;
        ValueStride = Type.IsPerCpu() ? (int)((spec.ValueSize + 7) & ~7u) : (int)spec.ValueSize;
        ValueBufferSize = Type.IsPerCpu() ? ValueStride * PossibleCpus.Count : (int)spec.ValueSize;
    }

    public BpfMapSpec Spec { get; }
    public BpfFd Fd { get; }
    public string Name => Spec.Name;
    public BpfMapType Type => Spec.Type;
    public int KeySize => (int)Spec.KeySize;
    public int ValueSize => (int)Spec.ValueSize;

    /// <summary>Bytes between two CPUs' copies of a per-CPU value (the value size otherwise).</summary>
    public int ValueStride { get; }

    /// <summary>Bytes a lookup writes: the value size, or <see cref="ValueStride"/> × possible CPUs for per-CPU maps.</summary>
    public int ValueBufferSize { get; }

    /// <summary>Creates a map. EPERM (the first bpf() call a loader makes) means not privileged; ENOSYS no BPF.</summary>
    public static BpfMap Create(BpfMapSpec spec)
    {
        _ = spec.Type.IsPerCpu() ? PossibleCpus.Count : 0; // fail before the fd exists
        var attr = new MapCreateAttr
        {
            MapType = (uint)spec.Type, KeySize = spec.KeySize, ValueSize = spec.ValueSize,
            MaxEntries = spec.MaxEntries, MapFlags = spec.Flags,
        };
        KernelName.Write(spec.Name, new Span<byte>(attr.MapName, 16));
        int fd = BpfSyscall.Call(BpfCommand.MapCreate, ref attr);
        if (fd < 0) throw BpfException.FromErrno($"creating map {spec.Name} ({spec.Type})", -fd);
        return new BpfMap(spec, new BpfFd(fd));
    }

    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckSizes(key, value.Length, ValueBufferSize);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var attr = new MapElemAttr { MapFd = (uint)Fd.Value, Key = (ulong)k, Value = (ulong)v };
            int r = Call(BpfCommand.MapLookupElem, ref attr);
            return r == 0 || (r == -BpfSyscall.ENOENT ? false : throw BpfException.FromErrno($"lookup in {Name}", -r));
        }
    }

    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, BpfUpdate flags = BpfUpdate.Any)
    {
        CheckSizes(key, value.Length, ValueBufferSize);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var attr = new MapElemAttr { MapFd = (uint)Fd.Value, Key = (ulong)k, Value = (ulong)v, Flags = (ulong)flags };
            int r = Call(BpfCommand.MapUpdateElem, ref attr);
            if (r < 0) throw BpfException.FromErrno($"update in {Name}", -r);
        }
    }

    /// <summary>False when the key was absent.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        CheckSizes(key, 0, 0);
        fixed (byte* k = key)
        {
            var attr = new MapElemAttr { MapFd = (uint)Fd.Value, Key = (ulong)k };
            int r = Call(BpfCommand.MapDeleteElem, ref attr);
            return r == 0 || (r == -BpfSyscall.ENOENT ? false : throw BpfException.FromErrno($"delete in {Name}", -r));
        }
    }

    /// <summary>The key after <paramref name="key"/> (an empty span: the first key); false at the end.</summary>
    public bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> next)
    {
        if (!key.IsEmpty) CheckSizes(key, 0, 0);
        if (next.Length != KeySize) throw new ArgumentException($"{Name}: key buffer must be {KeySize} bytes");
        fixed (byte* k = key)
        fixed (byte* n = next)
        {
            var attr = new MapElemAttr { MapFd = (uint)Fd.Value, Key = key.IsEmpty ? 0 : (ulong)k, Value = (ulong)n };
            int r = Call(BpfCommand.MapGetNextKey, ref attr);
            return r == 0 || (r == -BpfSyscall.ENOENT ? false : throw BpfException.FromErrno($"next key in {Name}", -r));
        }
    }

    public bool TryLookup<TKey, TValue>(in TKey key, out TValue value) where TKey : unmanaged where TValue : unmanaged
    {
        value = default;
        return TryLookup(AsBytes(in key), MemoryMarshal.AsBytes(new Span<TValue>(ref value)));
    }

    public void Update<TKey, TValue>(in TKey key, in TValue value, BpfUpdate flags = BpfUpdate.Any) where TKey : unmanaged where TValue : unmanaged =>
        Update(AsBytes(in key), AsBytes(in value), flags);

    public bool Delete<TKey>(in TKey key) where TKey : unmanaged => Delete(AsBytes(in key));

    /// <summary>CPU <paramref name="cpu"/>'s copy within a per-CPU value read from this map.</summary>
    public ReadOnlySpan<byte> PerCpu(ReadOnlySpan<byte> value, int cpu) => value.Slice(cpu * ValueStride, ValueSize);

    /// <summary>The sum over CPUs of the u64 at <paramref name="offset"/> of a per-CPU value (or that u64 of a plain one).</summary>
    public ulong SumUInt64(ReadOnlySpan<byte> value, int offset)
    {
        ulong sum = 0;
        for (int at = offset; at + 8 <= value.Length; at += ValueStride)
            sum += MemoryMarshal.Read<ulong>(value[at..]);
        return sum;
    }

    public void Dispose() => Fd.Dispose();

    internal static ReadOnlySpan<byte> AsBytes<T>(in T value) where T : unmanaged =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    private void CheckSizes(ReadOnlySpan<byte> key, int valueLength, int expected)
    {
        if (key.Length != KeySize) throw new ArgumentException($"{Name}: key must be {KeySize} bytes, not {key.Length}");
        if (valueLength != expected) throw new ArgumentException($"{Name}: value must be {expected} bytes, not {valueLength}");
    }

    private int Call<T>(BpfCommand command, ref T attr) where T : unmanaged
    {
        bool added = false;
        Fd.DangerousAddRef(ref added);
        try { return BpfSyscall.Call(command, ref attr); }
        finally { if (added) Fd.DangerousRelease(); }
    }
}

/// <summary>Map and program names: at most 15 characters of [A-Za-z0-9_.] and a NUL.</summary>
internal static class KernelName
{
    public static void Write(string name, Span<byte> into)
    {
        into.Clear();
        int n = 0;
        foreach (char c in name)
        {
            if (n == 15) break;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.') into[n++] = (byte)c;
        }
    }
}
