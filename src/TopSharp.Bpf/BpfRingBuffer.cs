using System.Runtime.InteropServices;

namespace TopSharp.Bpf;

/// <summary>Sees one record; the span points into the shared ring and is valid only during the call.</summary>
public delegate void BpfRecordHandler(ReadOnlySpan<byte> record);

/// <summary>
/// The consumer side of a BPF_MAP_TYPE_RINGBUF map (Documentation/bpf/ringbuf.rst): the consumer page is
/// mapped read-write at offset 0, the producer page and the data area (mapped twice so records can wrap)
/// read-only after it. Each record has an 8-byte header: length with the BUSY (bit 31) and DISCARD (bit 30)
/// flags, then the page offset. One consumer thread at a time.
/// </summary>
public sealed unsafe partial class BpfRingBuffer : IDisposable
{
    private const uint BusyBit = 1u << 31, DiscardBit = 1u << 30;
    private const int HeaderSize = 8;
    private const int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    private const short POLLIN = 1;

    private readonly BpfMap _map;
    private readonly nint _consumer, _producer;
    private readonly nuint _pageSize, _producerLength;
    private readonly ulong _mask;
    private bool _disposed;

    public BpfRingBuffer(BpfMap map)
    {
        if (map.Type != BpfMapType.Ringbuf) throw new ArgumentException($"{map.Name} is a {map.Type} map, not a ringbuf");
        _map = map;
        _pageSize = (nuint)Environment.SystemPageSize;
        _mask = map.Spec.MaxEntries - 1;
        _producerLength = _pageSize + 2 * (nuint)map.Spec.MaxEntries;
        _consumer = mmap(0, _pageSize, PROT_READ | PROT_WRITE, MAP_SHARED, map.Fd.Value, 0);
        if (_consumer == -1) throw BpfException.FromErrno($"mmap of {map.Name}'s consumer page", Marshal.GetLastPInvokeError());
        _producer = mmap(0, _producerLength, PROT_READ, MAP_SHARED, map.Fd.Value, (long)_pageSize);
        if (_producer == -1)
        {
            int errno = Marshal.GetLastPInvokeError();
            munmap(_consumer, _pageSize);
            throw BpfException.FromErrno($"mmap of {map.Name}'s data pages", errno);
        }
    }

    /// <summary>Bytes written but not yet consumed.</summary>
    public long Pending => (long)(Volatile.Read(ref *(ulong*)_producer) - Volatile.Read(ref *(ulong*)_consumer));

    /// <summary>Hands every committed record to <paramref name="handler"/> and frees its space; returns how many (discarded ones skipped, not counted).</summary>
    public int Consume(BpfRecordHandler handler)
    {
        ref ulong consumerPos = ref *(ulong*)_consumer;
        byte* data = (byte*)_producer + _pageSize;
        ulong at = Volatile.Read(ref consumerPos);
        int count = 0;
        while (at < Volatile.Read(ref *(ulong*)_producer))
        {
            byte* header = data + (at & _mask);
            uint length = Volatile.Read(ref *(uint*)header);
            if ((length & BusyBit) != 0) break; // still being written
            uint size = length & ~(BusyBit | DiscardBit);
            if ((length & DiscardBit) == 0)
            {
                handler(new ReadOnlySpan<byte>(header + HeaderSize, (int)size));
                count++;
            }
            at += (HeaderSize + size + 7) & ~7u;
            Volatile.Write(ref consumerPos, at);
        }
        return count;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> (-1: forever) for data; true when some is pending.</summary>
    public bool Wait(int timeoutMs)
    {
        if (Pending > 0) return true;
        var fds = new PollFd { Fd = _map.Fd.Value, Events = POLLIN };
        int r = poll(&fds, 1, timeoutMs);
        return r > 0 || Pending > 0;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        munmap(_producer, _producerLength);
        munmap(_consumer, _pageSize);
    }

    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc")]
    private static partial int munmap(nint addr, nuint length);

    [LibraryImport("libc")]
    private static partial int poll(PollFd* fds, ulong nfds, int timeout);
}
