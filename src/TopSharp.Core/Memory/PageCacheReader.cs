using System.Runtime.InteropServices;
using System.Text;
using TopSharp.Core.Native;

namespace TopSharp.Core.Memory;

/// <summary>
/// Page-cache residency of files: cachestat(2) (Documentation: man 2 cachestat; Linux 6.5+) gives cached, dirty and
/// writeback pages of a range; on older kernels (ENOSYS) mincore(2) over a read-only mapping of the range gives
/// residency only. Both see the live machine's files, so a captured tree has no page-cache figures.
/// </summary>
public static unsafe class PageCacheReader
{
    private const int ENOSYS = 38;
    private static volatile bool s_noCachestat;

    /// <summary>
    /// The state of [<paramref name="offset"/>, +<paramref name="length"/>) of the regular file at <paramref name="path"/>
    /// (0 = to the end); null when it is not a regular file or cannot be opened. Never blocks on a FIFO (O_NONBLOCK).
    /// </summary>
    public static PageCacheStat? OfFile(string path, ulong offset = 0, ulong length = 0) =>
        TryOpenRegular(path, out int fd, out _) ? OfOpenFile(fd, offset, length, close: true) : null;

    /// <summary>The page cache of the files <paramref name="pid"/> maps and holds open, read at <paramref name="root"/> (live only).</summary>
    public static ProcessPageCache Read(KernelRoot root, int pid, Smaps smaps)
    {
        if (!root.IsLive) return ProcessPageCache.Unavailable("page cache is measured on the live machine only", smaps.Vmas.Count);
        var files = new Dictionary<(uint, uint, ulong), FileBuilder>();
        var byVma = new PageCacheStat?[smaps.Vmas.Count];
        for (int i = 0; i < smaps.Vmas.Count; i++)
        {
            Vma v = smaps.Vmas[i];
            if (v.Kind != MappingKind.File || v.Inode == 0) continue;
            // map_files/ opens the mapped file itself, deleted or renamed (root only); else its path.
            string mapFile = root.Proc($"{pid}/map_files/{v.Start:x}-{v.End:x}");
            if (!TryOpenRegular(mapFile, out int fd, out Statx st) && !TryOpenRegular(v.MappingPath, out fd, out st)) continue;
            byVma[i] = OfOpenFile(fd, v.Offset, v.SizeBytes, close: false);
            Add(files, fd, st, v.Mapping, fdNumber: null);
        }
        foreach (string link in FdLinks(root, pid))
        {
            if (!int.TryParse(Path.GetFileName(link), out int n) || !TryOpenRegular(link, out int fd, out Statx st)) continue;
            string target;
            try { target = File.ResolveLinkTarget(link, false)?.ToString() ?? link; }
            catch (IOException) { target = link; }
            Add(files, fd, st, target, n);
        }
        var table = files.Values.Select(f => f.Build()).OrderByDescending(f => f.Cache.CachedBytes).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new ProcessPageCache(table, byVma, null);
    }

    private static void Add(Dictionary<(uint, uint, ulong), FileBuilder> files, int fd, Statx st, string path, int? fdNumber)
    {
        var key = (st.DevMajor, st.DevMinor, st.Ino);
        if (!files.TryGetValue(key, out FileBuilder? f))
        {
            PageCacheStat? whole = OfOpenFile(fd, 0, 0, close: true);
            if (whole is null) return;
            files[key] = f = new FileBuilder(path, st.Size, whole.Value);
        }
        else LibC.close(fd);
        if (fdNumber is int n) f.Fds.Add(n);
        else f.Mapped = true;
    }

    private static IEnumerable<string> FdLinks(KernelRoot root, int pid)
    {
        try { return Directory.GetFiles(root.Proc($"{pid}/fd")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private static bool TryOpenRegular(string path, out int fd, out Statx st)
    {
        fd = -1;
        st = default;
        byte[] utf8 = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = utf8)
        fixed (Statx* s = &st)
        {
            if (LibC.statx(LibC.AT_FDCWD, p, 0, LibC.STATX_TYPE | LibC.STATX_SIZE | LibC.STATX_INO, s) != 0) return false;
            if ((s->Mode & LibC.S_IFMT) != LibC.S_IFREG) return false;
            fd = LibC.open(p, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        }
        return fd >= 0;
    }

    private static PageCacheStat? OfOpenFile(int fd, ulong offset, ulong length, bool close)
    {
        try
        {
            return TryCachestat(fd, offset, length) ?? TryMincore(fd, offset, length);
        }
        finally
        {
            if (close) LibC.close(fd);
        }
    }

    private static PageCacheStat? TryCachestat(int fd, ulong offset, ulong length)
    {
        if (s_noCachestat) return null;
        var range = new CachestatRange { Off = offset, Len = length };
        Cachestat cs;
        if (LibC.syscall_cachestat(LibC.SYS_cachestat, (uint)fd, &range, &cs, 0) != 0)
        {
            if (Marshal.GetLastPInvokeError() == ENOSYS) s_noCachestat = true;
            return null;
        }
        ulong page = (ulong)Environment.SystemPageSize;
        return new PageCacheStat(cs.NrCache * page, cs.NrDirty * page, cs.NrWriteback * page, "cachestat");
    }

    /// <summary>Maps the range read-only and asks which of its pages are resident; mapping does not fault them in.</summary>
    private static PageCacheStat? TryMincore(int fd, ulong offset, ulong length)
    {
        ulong page = (ulong)Environment.SystemPageSize;
        Statx st;
        fixed (byte* empty = EmptyPath)
            if (LibC.statx(fd, empty, AT_EMPTY_PATH, LibC.STATX_SIZE, &st) != 0) return null;
        ulong start = offset / page * page;
        ulong end = length == 0 ? st.Size : Math.Min(st.Size, offset + length);
        if (end <= start) return new PageCacheStat(0, null, null, "mincore");
        nuint span = (nuint)(end - start);
        void* addr = LibC.mmap(null, span, LibC.PROT_READ, LibC.MAP_SHARED, fd, (long)start);
        if (addr == (void*)-1) return null;
        try
        {
            int pages = (int)((span + (nuint)page - 1) / (nuint)page);
            byte[] vec = new byte[pages];
            fixed (byte* v = vec)
                if (LibC.mincore(addr, span, v) != 0) return null;
            ulong resident = 0;
            foreach (byte b in vec) resident += (ulong)(b & 1);
            return new PageCacheStat(resident * page, null, null, "mincore");
        }
        finally
        {
            LibC.munmap(addr, span);
        }
    }

    private const int AT_EMPTY_PATH = 0x1000;
    private static readonly byte[] EmptyPath = [0];

    private sealed class FileBuilder(string path, ulong size, PageCacheStat cache)
    {
        public bool Mapped { get; set; }
        public List<int> Fds { get; } = [];
        public FileCache Build() => new(path, size, cache, Mapped, Fds);
    }
}
