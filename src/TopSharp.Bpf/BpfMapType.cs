namespace TopSharp.Bpf;

/// <summary>enum bpf_map_type (include/uapi/linux/bpf.h). The loader creates any type; these are named for convenience.</summary>
public enum BpfMapType : uint
{
    Unspec = 0, Hash = 1, Array = 2, ProgArray = 3, PerfEventArray = 4, PercpuHash = 5, PercpuArray = 6,
    StackTrace = 7, CgroupArray = 8, LruHash = 9, LruPercpuHash = 10, LpmTrie = 11, ArrayOfMaps = 12,
    HashOfMaps = 13, Queue = 22, Stack = 23, SkStorage = 24, InodeStorage = 28, TaskStorage = 29,
    PercpuCgroupStorage = 21, Ringbuf = 27, BloomFilter = 30, UserRingbuf = 31, CgrpStorage = 32,
}

public static class BpfMapTypes
{
    /// <summary>True for the types whose lookups return one value per possible CPU.</summary>
    public static bool IsPerCpu(this BpfMapType type) =>
        type is BpfMapType.PercpuHash or BpfMapType.PercpuArray or BpfMapType.LruPercpuHash or BpfMapType.PercpuCgroupStorage;
}

/// <summary>BPF_ANY, BPF_NOEXIST, BPF_EXIST for map updates.</summary>
public enum BpfUpdate : ulong { Any = 0, NoExist = 1, Exist = 2 }
