namespace TopSharp.Bpf.Native;

/// <summary>The bpf(2) commands the loader issues (include/uapi/linux/bpf.h, enum bpf_cmd).</summary>
internal enum BpfCommand
{
    MapCreate = 0,
    MapLookupElem = 1,
    MapUpdateElem = 2,
    MapDeleteElem = 3,
    MapGetNextKey = 4,
    ProgLoad = 5,
    ProgTestRun = 10,
    RawTracepointOpen = 17,
    MapLookupBatch = 24,
    MapLookupAndDeleteBatch = 25,
}
