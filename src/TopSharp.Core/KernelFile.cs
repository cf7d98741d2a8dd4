using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace TopSharp.Core;

/// <summary>
/// Reads a whole kernel file in one pass into a reusable buffer. procfs and sysfs files report
/// a size of 0 or 4096 whatever they hold, so the size is never trusted: read until EOF,
/// doubling the buffer when it fills.
/// </summary>
public sealed class KernelFile : IDisposable
{
    private byte[] _buffer;

    public KernelFile(int initialSize = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(initialSize);

    /// <summary>
    /// Reads <paramref name="path"/>; false (and no exception) when it is missing, vanished,
    /// or unreadable. The span is valid until the next read.
    /// </summary>
    public bool TryRead(string path, out ReadOnlySpan<byte> content)
    {
        content = default;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        using (handle)
        {
            return TryReadAll(handle, out content);
        }
    }

    private bool TryReadAll(SafeFileHandle handle, out ReadOnlySpan<byte> content)
    {
        int total = 0;
        try
        {
            while (true)
            {
                if (total == _buffer.Length) Grow();
                // Sequential reads on a procfs handle; the offset is ignored for non-seekable files.
                int n = RandomAccess.Read(handle, _buffer.AsSpan(total), total);
                if (n <= 0) break;
                total += n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // ESRCH/EIO from a process that exited mid-read, EACCES from a protected file.
            content = default;
            return false;
        }
        content = _buffer.AsSpan(0, total);
        return true;
    }

    private void Grow()
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan().CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
