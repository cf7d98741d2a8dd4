using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TopSharp.Bpf.Opens;
using Xunit;

namespace TopSharp.Bpf.Tests.Opens;

public sealed class OpenEventTests
{
    /// <summary>A struct open_event as opens.bpf.c writes it (offsets from bpf/opens.h).</summary>
    internal static byte[] Record(ulong tsNs, int pid, int tid, long ret, ulong flags, int nr, string comm, byte[] path, int pathLen)
    {
        var r = new byte[OpenEvent.Size];
        BinaryPrimitives.WriteUInt64LittleEndian(r, tsNs);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(8), pid);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(12), tid);
        BinaryPrimitives.WriteInt64LittleEndian(r.AsSpan(16), ret);
        BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(24), flags);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(32), nr);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(36), pathLen);
        Encoding.UTF8.GetBytes(comm).CopyTo(r.AsSpan(40, 16));
        path.CopyTo(r.AsSpan(56, 256));
        return r;
    }

    [Fact]
    public void Decodes_every_field_and_adds_the_clock_offset()
    {
        byte[] path = Encoding.UTF8.GetBytes("/etc/n\x1bw\nx\0");
        byte[] r = Record(1_000_000_500, 1234, 1240, -2, 0x80241, 257, "cat", path, path.Length);

        Assert.True(OpenEvent.TryDecode(r, 1_700_000_000_000_000_000, out OpenEvent? e));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001).AddTicks(5), e!.Time);
        Assert.Equal(1_000_000_500UL, e.MonotonicNs);
        Assert.Equal((1234, 1240, -2L, 0x80241UL, 257), (e.Pid, e.Tid, e.Result, e.Flags, e.SyscallNr));
        Assert.Equal("cat", e.Comm);
        Assert.Equal("/etc/n\x1bw\nx", e.Path);
        Assert.False(e.PathTruncated);
        Assert.True(e.Failed);
        Assert.Equal("ENOENT", e.ResultText);
    }

    [Fact]
    public void An_unreadable_path_keeps_its_errno_and_a_full_buffer_is_truncated()
    {
        Assert.True(OpenEvent.TryDecode(Record(0, 1, 1, 3, 0, 2, "a", [], -14), 0, out OpenEvent? unreadable));
        Assert.Null(unreadable!.Path);
        Assert.Equal(14, unreadable.PathError);
        Assert.Equal("3", unreadable.ResultText);

        byte[] full = Enumerable.Repeat((byte)'a', 255).Append((byte)0).ToArray();
        Assert.True(OpenEvent.TryDecode(Record(0, 1, 1, 3, 0, 2, "a", full, 256), 0, out OpenEvent? truncated));
        Assert.True(truncated!.PathTruncated);
        Assert.Equal(255, truncated.Path!.Length);
    }

    [Fact]
    public void A_short_record_is_refused() => Assert.False(OpenEvent.TryDecode(new byte[OpenEvent.Size - 1], 0, out _));

    [Theory]
    [InlineData(0x0UL, "O_RDONLY")]
    [InlineData(0x80000UL, "O_RDONLY|O_CLOEXEC")]
    [InlineData(0x241UL, "O_WRONLY|O_CREAT|O_TRUNC")]
    [InlineData(0x2c2UL, "O_RDWR|O_CREAT|O_EXCL|O_TRUNC")]
    [InlineData(0x98800UL, "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY|O_LARGEFILE")]
    [InlineData(0x101000UL, "O_RDONLY|O_SYNC")]
    [InlineData(0x1000UL, "O_RDONLY|O_DSYNC")]
    [InlineData(0x410002UL, "O_RDWR|O_TMPFILE")]
    [InlineData(0x200000UL, "O_RDONLY|O_PATH")]
    [InlineData(0x24000UL, "O_RDONLY|O_NOFOLLOW|O_DIRECT")]
    [InlineData(0x1_0000_0000UL, "O_RDONLY|0x100000000")]
    public void Flags_on_x86_64(ulong flags, string expected) => Assert.Equal(expected, OpenFlags.Format(flags, Architecture.X64));

    [Theory]
    [InlineData(0x4000UL, "O_RDONLY|O_DIRECTORY")]
    [InlineData(0x8000UL, "O_RDONLY|O_NOFOLLOW")]
    [InlineData(0x10000UL, "O_RDONLY|O_DIRECT")]
    [InlineData(0x20000UL, "O_RDONLY|O_LARGEFILE")]
    [InlineData(0x404002UL, "O_RDWR|O_TMPFILE")]
    public void Flags_on_arm64_where_four_bits_move(ulong flags, string expected) => Assert.Equal(expected, OpenFlags.Format(flags, Architecture.Arm64));

    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(2, "ENOENT")]
    [InlineData(13, "EACCES")]
    [InlineData(20, "ENOTDIR")]
    [InlineData(36, "ENAMETOOLONG")]
    [InlineData(40, "ELOOP")]
    [InlineData(95, "EOPNOTSUPP")]
    [InlineData(133, "EHWPOISON")]
    [InlineData(41, "errno_41")]
    [InlineData(512, "ERESTARTSYS")]
    [InlineData(4000, "errno_4000")]
    public void Errno_names(int errno, string name) => Assert.Equal(name, ErrnoNames.Name(errno));
}
