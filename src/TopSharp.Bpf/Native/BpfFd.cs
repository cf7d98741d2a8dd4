using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TopSharp.Bpf.Native;

/// <summary>
/// A file descriptor returned by bpf(2) (a map, a program or a link). Closing the last fd of a link
/// detaches it; closing a map's or program's frees it once nothing else holds it. Nothing is pinned,
/// so the kernel closes every one when the process exits, however it exits.
/// </summary>
public sealed partial class BpfFd : SafeHandleMinusOneIsInvalid
{
    public BpfFd() : base(ownsHandle: true) { }

    internal BpfFd(int fd) : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>The raw descriptor (valid while this handle is open).</summary>
    public int Value => (int)handle;

    protected override bool ReleaseHandle() => close((int)handle) == 0;

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
