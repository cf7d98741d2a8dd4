using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TopSharp.Core.Memory;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Core.Tests.Memory;

/// <summary>
/// Real processes with known memory: tests/native/memmapper.c (compiled here with gcc), and this test's own
/// page-cache use of a file on disk (/var/tmp: ext4 here, where DONTNEED really drops pages; tmpfs would not).
/// </summary>
public class LiveMemoryMapTests
{
    private const ulong MiB = 1024 * 1024;
    private const int POSIX_FADV_DONTNEED = 4;

    [SkippableFact]
    public void Child_mapping_a_file_and_anonymous_memory_shows_both_VMAs_with_true_RSS_and_PSS_equal_to_RSS()
    {
        Requires.Tool("gcc", "compiles tests/native/memmapper.c");
        string dir = Directory.CreateTempSubdirectory("topsharp-memmapper-").FullName;
        string exe = Path.Combine(dir, "memmapper");
        Run("gcc", "-O2", "-Wall", "-Werror", "-o", exe, Path.Combine(AppContext.BaseDirectory, "native", "memmapper.c"));
        string data = Path.Combine("/var/tmp", $"topsharp-memmapper-{Environment.ProcessId}.bin");
        using var child = Process.Start(new ProcessStartInfo(exe, [data]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            string[] ready = (child.StandardOutput.ReadLine() ?? "").Split(' ');
            Assert.Equal("ready", ready[0]);
            ulong fileStart = ulong.Parse(ready[1], NumberStyles.HexNumber), anonStart = ulong.Parse(ready[2], NumberStyles.HexNumber);

            using var file = new KernelFile();
            var diagnostics = new List<ParseDiagnostic>();
            MemoryMap map = MemoryMap.Read(KernelRoot.Live, file, child.Id, diagnostics)!;

            Vma mapped = Assert.Single(map.Smaps.Vmas, v => v.Start == fileStart);
            Assert.Equal(data, mapped.Mapping);
            Assert.Equal(64 * MiB, mapped.SizeBytes);
            Assert.InRange(mapped.Counters.RssBytes, 16 * MiB * 95 / 100, 16 * MiB * 105 / 100);
            Assert.Equal(mapped.Counters.RssBytes, mapped.Counters.PssBytes);
            // The anonymous area may have merged with a neighbour: find the VMA holding its start.
            Vma anon = Assert.Single(map.Smaps.Vmas, v => v.Start <= anonStart && anonStart < v.End);
            Assert.Equal(MappingKind.Anonymous, anon.Kind);
            Assert.InRange(anon.Counters.RssBytes, 32 * MiB * 95 / 100, 32 * MiB * 105 / 100 + (anon.SizeBytes - 32 * MiB));
            Assert.Equal(anon.Counters.RssBytes, anon.Counters.PssBytes);
            Assert.NotNull(map.Rollup);
            Assert.True(map.Rollup.Value.RssBytes >= 48 * MiB * 95 / 100);
            Assert.Empty(diagnostics);
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(5000)) child.Kill();
            File.Delete(data);
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public void A_file_read_after_dropping_it_is_all_cached_and_close_to_none_after_dropping_it_again()
    {
        string path = Path.Combine("/var/tmp", $"topsharp-pagecache-{Environment.ProcessId}.bin");
        try
        {
            using (var w = new FileStream(path, FileMode.Create))
            {
                var block = new byte[MiB];
                Array.Fill(block, (byte)7);
                for (int i = 0; i < 32; i++) w.Write(block);
                w.Flush(flushToDisk: true);
            }
            using var held = new FileStream(path, FileMode.Open, FileAccess.Read);
            int fd = (int)held.SafeFileHandle.DangerousGetHandle();
            Assert.Equal(0, posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED));
            Assert.True(PageCacheReader.OfFile(path)!.Value.CachedBytes < 32 * MiB / 10);

            held.CopyTo(Stream.Null);
            FileCache cached = Assert.Single(Files(), f => f.Path == path);
            Assert.Equal(32 * MiB, cached.SizeBytes);
            Assert.Equal(32 * MiB, cached.Cache.CachedBytes);
            Assert.Equal(100.0, cached.CachedPct);
            Assert.Equal(0UL, cached.Cache.DirtyBytes);
            Assert.Equal("cachestat", cached.Cache.Method);
            Assert.False(cached.Mapped);
            Assert.Single(cached.Fds);

            Assert.Equal(0, posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED));
            FileCache dropped = Assert.Single(Files(), f => f.Path == path);
            Assert.True(dropped.CachedPct < 5, $"{dropped.CachedPct}% still cached");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_captured_tree_has_no_page_cache_figures()
    {
        using var file = new KernelFile();
        Smaps smaps = SmapsReader.Read(FixtureRoots.Cgroup2T0, file, 158, [])!;
        ProcessPageCache cache = PageCacheReader.Read(FixtureRoots.Cgroup2T0, 158, smaps);
        Assert.NotNull(cache.Reason);
        Assert.Equal(smaps.Vmas.Count, cache.ByVma.Count);
        Assert.Empty(cache.Files);
    }

    private static IReadOnlyList<FileCache> Files()
    {
        using var file = new KernelFile();
        Smaps smaps = SmapsReader.Read(KernelRoot.Live, file, Environment.ProcessId, [])!;
        ProcessPageCache cache = PageCacheReader.Read(KernelRoot.Live, Environment.ProcessId, smaps);
        Assert.Null(cache.Reason);
        Assert.Contains(cache.ByVma, s => s is not null);
        return cache.Files;
    }

    private static void Run(string tool, params string[] args)
    {
        var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        string errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {errors}");
    }

    [DllImport("libc")]
    private static extern int posix_fadvise(int fd, long offset, long len, int advice);
}
