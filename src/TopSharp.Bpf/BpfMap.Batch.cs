using TopSharp.Bpf.Native;

namespace TopSharp.Bpf;

public sealed unsafe partial class BpfMap
{
    private const int FirstChunk = 256;

    /// <summary>
    /// Visits every entry. With <paramref name="delete"/>, each is deleted as it is read (a drain): one
    /// BPF_MAP_LOOKUP_AND_DELETE_BATCH per chunk (5.6+); where the kernel or map type has no batch
    /// operations, GET_NEXT_KEY + LOOKUP (+ DELETE), which can miss or repeat keys inserted meanwhile.
    /// Returns the number of entries visited.
    /// </summary>
    public int ReadAll(BpfEntryVisitor visit, bool delete = false)
    {
        if (!BatchUnsupported)
        {
            int? visited = TryReadAllBatched(visit, delete);
            if (visited is int n) return n;
            BatchUnsupported = true;
        }
        return delete ? DrainByKey(visit) : ReadByKey(visit);
    }

    /// <summary>Null when batch operations are not available for this map here (EINVAL before 5.6, ENOTSUPP for the type).</summary>
    private int? TryReadAllBatched(BpfEntryVisitor visit, bool delete)
    {
        BpfCommand command = delete ? BpfCommand.MapLookupAndDeleteBatch : BpfCommand.MapLookupBatch;
        int chunk = Math.Max(1, Math.Min(FirstChunk, (int)Spec.MaxEntries));
        int tokenSize = Math.Max(8, KeySize);
        byte[] inToken = new byte[tokenSize], outToken = new byte[tokenSize];
        byte[] keys = new byte[chunk * KeySize], values = new byte[chunk * ValueBufferSize];
        bool first = true;
        int visited = 0;
        while (true)
        {
            int r, count;
            fixed (byte* inT = inToken, outT = outToken, k = keys, v = values)
            {
                var attr = new MapBatchAttr
                {
                    InBatch = first ? 0 : (ulong)inT, OutBatch = (ulong)outT, Keys = (ulong)k, Values = (ulong)v,
                    Count = (uint)chunk, MapFd = (uint)Fd.Value,
                };
                r = Call(command, ref attr);
                count = (int)attr.Count;
            }
            if (r < 0 && r != -BpfSyscall.ENOENT)
            {
                if (visited == 0 && first && -r is BpfSyscall.EINVAL or BpfSyscall.ENOTSUPP or BpfSyscall.EOPNOTSUPP) return null;
                if (-r == BpfSyscall.ENOSPC && count == 0)
                {
                    // one hash bucket holds more entries than the chunk: grow it and ask again
                    chunk *= 2;
                    keys = new byte[chunk * KeySize];
                    values = new byte[chunk * ValueBufferSize];
                    continue;
                }
                throw BpfException.FromErrno($"{(delete ? "draining" : "reading")} {Name}", -r);
            }
            for (int i = 0; i < count; i++)
                visit(keys.AsSpan(i * KeySize, KeySize), values.AsSpan(i * ValueBufferSize, ValueBufferSize));
            visited += count;
            if (r == -BpfSyscall.ENOENT) return visited; // done; this last chunk was still returned in count
            (inToken, outToken) = (outToken, inToken);
            first = false;
        }
    }

    private int ReadByKey(BpfEntryVisitor visit)
    {
        byte[] key = new byte[KeySize], next = new byte[KeySize], value = new byte[ValueBufferSize];
        int visited = 0;
        bool hasKey = false;
        while (TryGetNextKey(hasKey ? key : [], next))
        {
            if (TryLookup(next, value))
            {
                visit(next, value);
                visited++;
            }
            (key, next) = (next, key);
            hasKey = true;
        }
        return visited;
    }

    /// <summary>Always takes the first key, so deleting as it goes never loses the iteration's place; bounded by the map's size.</summary>
    private int DrainByKey(BpfEntryVisitor visit)
    {
        byte[] key = new byte[KeySize], value = new byte[ValueBufferSize];
        int visited = 0;
        for (long guard = 2L * Spec.MaxEntries + 1; guard > 0 && TryGetNextKey([], key); guard--)
        {
            if (TryLookup(key, value))
            {
                visit(key, value);
                visited++;
            }
            Delete(key);
        }
        return visited;
    }
}
