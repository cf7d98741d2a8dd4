using System.Runtime.InteropServices;

namespace TopSharp.Bpf.RingBuffer;

/// <summary>
/// A BPF ring buffer map read through its shared mapping, as libbpf's ring_buffer__new does: the consumer
/// page read-write at offset 0, then the producer page and the data area (mapped twice by the kernel)
/// read-only at one page. Needs a 5.8+ kernel (BPF_MAP_TYPE_RINGBUF). Keeps the map fd alive while mapped.
/// </summary>
public sealed unsafe partial class MappedRingBuffer : IDisposable
{
    private readonly SafeHandle _map;
    private readonly nuint _pageSize;
    private readonly ulong _dataSize;
    private byte* _consumer;
    private byte* _producer;
    private bool _addedRef;

    private MappedRingBuffer(SafeHandle map, ulong dataSize)
    {
        _map = map;
        _dataSize = dataSize;
        _pageSize = (nuint)Environment.SystemPageSize;
    }

    /// <param name="map">the ring buffer map's fd</param>
    /// <param name="dataSize">its max_entries: a power of two, a multiple of the page size</param>
    public static MappedRingBuffer Map(SafeHandle map, ulong dataSize)
    {
        if (dataSize == 0 || (dataSize & (dataSize - 1)) != 0)
            throw new ArgumentException($"ring buffer size {dataSize} is not a power of two", nameof(dataSize));
        var ring = new MappedRingBuffer(map, dataSize);
        try
        {
            ring.MapPages();
            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    private void MapPages()
    {
        _map.DangerousAddRef(ref _addedRef);
        int fd = (int)_map.DangerousGetHandle();
        _consumer = Check(mmap(null, _pageSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), "consumer page");
        _producer = Check(mmap(null, _pageSize + 2 * (nuint)_dataSize, PROT_READ, MAP_SHARED, fd, (nint)_pageSize), "producer page and data");
    }

    private static byte* Check(byte* address, string what)
    {
        if (address != MAP_FAILED) return address;
        int errno = Marshal.GetLastPInvokeError();
        throw new IOException($"mmap of the ring buffer's {what} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    /// <summary>Hands every committed sample to <paramref name="onRecord"/> in order; returns how many.</summary>
    public int Drain(RingBufferRecord onRecord) =>
        RingBufferConsumer.Consume((ulong*)_consumer, (ulong*)_producer, _producer + _pageSize, _dataSize - 1, onRecord);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for the producer to signal data (poll(2) on the map fd).</summary>
    public bool WaitForData(int timeoutMs)
    {
        var pfd = new PollFd { Fd = (int)_map.DangerousGetHandle(), Events = POLLIN };
        return poll(&pfd, 1, timeoutMs) > 0;
    }

    public void Dispose()
    {
        if (_producer != null && _producer != MAP_FAILED) munmap(_producer, _pageSize + 2 * (nuint)_dataSize);
        if (_consumer != null && _consumer != MAP_FAILED) munmap(_consumer, _pageSize);
        _producer = _consumer = null;
        if (_addedRef) _map.DangerousRelease();
        _addedRef = false;
    }

    private const int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    private const short POLLIN = 1;
    private static readonly byte* MAP_FAILED = (byte*)-1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial byte* mmap(byte* addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(byte* addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint nfds, int timeout);
}
