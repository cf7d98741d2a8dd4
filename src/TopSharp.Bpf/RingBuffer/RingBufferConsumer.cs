using System.Runtime.CompilerServices;

namespace TopSharp.Bpf.RingBuffer;

/// <summary>Receives one committed ring-buffer sample; the span is valid only during the call.</summary>
public delegate void RingBufferRecord(ReadOnlySpan<byte> sample);

/// <summary>
/// The consumer side of BPF_MAP_TYPE_RINGBUF (Documentation/bpf/ringbuf.rst, kernel/bpf/ringbuf.c): walk
/// from consumer_pos to producer_pos over 8-byte headers {u32 len | BUSY | DISCARD, u32 pg_off}, stop at a
/// record still being written (BUSY), skip discarded ones, and publish the new consumer_pos so the producer
/// can reuse the space. The data area is mapped twice back to back, so a record that wraps is contiguous.
/// Works on raw pointers so tests can hand it an ordinary buffer.
/// </summary>
public static unsafe class RingBufferConsumer
{
    public const uint BusyBit = 1u << 31;
    public const uint DiscardBit = 1u << 30;
    public const int HeaderSize = 8;

    /// <summary>Hands every committed sample to <paramref name="onRecord"/>, in order; returns how many.</summary>
    /// <param name="consumerPos">the u64 at the start of the consumer page (written here)</param>
    /// <param name="producerPos">the u64 at the start of the producer page (read only)</param>
    /// <param name="data">the data area; <paramref name="mask"/> is its size minus one (a power of two)</param>
    public static int Consume(ulong* consumerPos, ulong* producerPos, byte* data, ulong mask, RingBufferRecord onRecord)
    {
        int count = 0;
        ulong consumer = Volatile.Read(ref *consumerPos);
        while (true)
        {
            ulong producer = Volatile.Read(ref *producerPos);
            if (consumer >= producer) return count;
            while (consumer < producer)
            {
                byte* header = data + (consumer & mask);
                uint len = Volatile.Read(ref Unsafe.AsRef<uint>(header));
                if ((len & BusyBit) != 0) return count;
                uint size = len & ~(BusyBit | DiscardBit);
                consumer += (ulong)((size + HeaderSize + 7) & ~7);
                if ((len & DiscardBit) == 0)
                {
                    onRecord(new ReadOnlySpan<byte>(header + HeaderSize, (int)size));
                    count++;
                }
                Volatile.Write(ref *consumerPos, consumer);
            }
        }
    }
}
