using System.Text;
using TopSharp.Core.Memory;
using Xunit;

namespace TopSharp.Core.Tests.Memory;

public class SmapsReaderTests
{
    private const ulong K = 1024;
    private readonly List<ParseDiagnostic> _diagnostics = [];
    private readonly KernelFile _file = new();

    [Fact]
    public void Mapper_child_shares_the_shared_anonymous_memory_with_its_parent_so_PSS_is_half_of_RSS()
    {
        Smaps? smaps = SmapsReader.Read(FixtureRoots.Cgroup2T0, _file, 184, _diagnostics);

        Assert.NotNull(smaps);
        Vma zero = Assert.Single(smaps.Vmas, v => v.Mapping == "/dev/zero (deleted)");
        Assert.True(zero.Deleted);
        Assert.Equal("/dev/zero", zero.MappingPath);
        Assert.Equal(MappingKind.File, zero.Kind);
        Assert.Equal("rw-s", zero.Perms);
        Assert.True(zero.IsShared);
        Assert.Equal(32UL * K * K, zero.SizeBytes);
        Assert.Equal(16384 * K, zero.Counters.RssBytes);
        Assert.Equal(zero.Counters.RssBytes / 2, zero.Counters.PssBytes);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Mapper_parent_header_fields_and_sizes_match_the_capture()
    {
        Smaps smaps = SmapsReader.Read(FixtureRoots.Cgroup2T0, _file, 158, _diagnostics)!;

        Vma first = smaps.Vmas[0];
        Assert.Equal(0x00400000UL, first.Start);
        Assert.Equal(0x00401000UL, first.End);
        Assert.Equal("r--p", first.Perms);
        Assert.Equal(0UL, first.Offset);
        Assert.Equal("00:02", first.Device);
        Assert.Equal(279UL, first.Inode);
        Assert.Equal("/bin/tsx", first.Mapping);
        Assert.Equal(new SmapsCounters(4 * K, 4 * K, 0, 0, 0, 0, 0, 4 * K, 0, 0, 0, 0, 0, 0, 0), first.Counters);
        Assert.Equal(0x1000UL, smaps.Vmas[1].Offset);
        Assert.Same(first.Mapping, smaps.Vmas[1].Mapping);

        Vma shared = Assert.Single(smaps.Vmas, v => v.Perms == "r--s" && v.Mapping == "/dev/shm/db-buffer.bin");
        Assert.Equal(16384 * K, shared.Counters.RssBytes);
        Assert.Equal(10922 * K, shared.Counters.PssBytes);
        Assert.Contains(smaps.Vmas, v => v.Mapping == "[heap]" && v.Kind == MappingKind.Pseudo);
        Assert.Contains(smaps.Vmas, v => v.Mapping == "[stack]" && v.Kind == MappingKind.Pseudo);
        Assert.Contains(smaps.Vmas, v => v.Mapping == "[vdso]" && v.Kind == MappingKind.Pseudo);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Summed_VMAs_equal_the_kernels_rollup()
    {
        Smaps smaps = SmapsReader.Read(FixtureRoots.Cgroup2T0, _file, 158, _diagnostics)!;
        SmapsCounters? rollup = SmapsRollupReader.Read(FixtureRoots.Cgroup2T0, _file, 158, _diagnostics);

        Assert.NotNull(rollup);
        Assert.Equal(66372 * K, rollup.Value.RssBytes);
        Assert.Equal(42468 * K, rollup.Value.PssBytes);
        Assert.Equal(38298 * K, rollup.Value.PssShmemBytes);
        Assert.Equal(41764 * K, rollup.Value.SharedDirtyBytes);
        Assert.Equal(24604 * K, rollup.Value.PrivateDirtyBytes);
        Assert.Equal(rollup.Value.RssBytes, smaps.Totals.RssBytes);
        Assert.Equal(rollup.Value.PrivateDirtyBytes, smaps.Totals.PrivateDirtyBytes);
        // smaps sums per-VMA PSS rounded down to kB; the rollup rounds once.
        Assert.InRange((long)rollup.Value.PssBytes - (long)smaps.Totals.PssBytes, 0, smaps.Vmas.Count * 1024L);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData(169)] // the zombie
    [InlineData(2)]   // kthreadd
    public void Zombies_and_kernel_threads_have_no_memory_map(int pid)
    {
        MemoryMap? map = MemoryMap.Read(FixtureRoots.Cgroup2T0, _file, pid, _diagnostics);

        Assert.NotNull(map);
        Assert.False(map.HasAddressSpace);
        Assert.Empty(map.Smaps.Vmas);
        Assert.Null(map.Rollup);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void A_vanished_process_is_null_without_a_diagnostic()
    {
        Assert.Null(MemoryMap.Read(FixtureRoots.Cgroup2T0, _file, 99999, _diagnostics));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Burner_heap_under_NUMA_balancing_shows_less_in_smaps_than_numa_maps_counts()
    {
        MemoryMap map = MemoryMap.Read(FixtureRoots.Cgroup2T0, _file, 159, _diagnostics)!;

        // The 32 MB malloc is an anonymous mmap (above the mmap threshold), not [heap].
        int heap = map.Smaps.Vmas.ToList().FindIndex(v => v.Start == 0x7fd144f4a000);
        Assert.True(heap >= 0);
        Assert.Equal(2048 * K, map.Smaps.Vmas[heap].Counters.RssBytes);
        Assert.Equal(8192UL * 4 * K, map.Numa[heap]!.TotalBytes);
        Assert.Equal(MappingKind.Anonymous, map.Smaps.Vmas[heap].Kind);
        Assert.Equal(2856 * K, map.Rollup!.Value.RssBytes);
        Assert.NotNull(map.RssDisagreement(33424 * K));
        Assert.Null(map.RssDisagreement(2900 * K));
    }

    [Fact]
    public void Numa_maps_join_by_start_address_carries_bind_interleave_and_prefer()
    {
        MemoryMap map = MemoryMap.Read(FixtureRoots.Cgroup2T0, _file, 157, _diagnostics)!;

        string PolicyAt(ulong start) => map.Numa[map.Smaps.Vmas.ToList().FindIndex(v => v.Start == start)]!.Policy;
        Assert.Equal("bind:1", PolicyAt(0x200000000));
        Assert.Equal("interleave:0-3", PolicyAt(0x300000000));
        Assert.Equal("prefer:3", PolicyAt(0x400000000));
        Assert.All(map.Numa, n => Assert.NotNull(n));
        Assert.Empty(_diagnostics);
    }

    /// <summary>A header as show_map_vma writes it: the fields, blanks up to column 73, one blank, the name.</summary>
    private static string Header(string fields, string name) =>
        name.Length == 0 ? fields + " " : (fields + " ").PadRight(73) + " " + name;

    [Theory]
    [InlineData("/tmp/two words.txt", false)]
    [InlineData("  leading blanks", false)]
    [InlineData("/tmp/new\\012line (deleted)", true)]
    [InlineData("/tmp/\u001b[31mred", false)]
    [InlineData("", false)]
    public void Hostile_and_unusual_names_are_kept_whole(string mapping, bool deleted)
    {
        string text = Header("7f00-7f10 r--p 00000000 08:01 42", mapping) + "\nSize:                 64 kB\nRss:    8 kB\nVmFlags: rd mr\n";
        Assert.True(SmapsReader.TryParse(Encoding.UTF8.GetBytes(text), out Smaps? smaps, _diagnostics));

        Vma vma = Assert.Single(smaps.Vmas);
        Assert.Equal(mapping, vma.Mapping);
        Assert.Equal(deleted, vma.Deleted);
        Assert.Equal(mapping.Length == 0 ? MappingKind.Anonymous : MappingKind.File, vma.Kind);
        Assert.Equal(8 * K, vma.Counters.RssBytes);
        Assert.Equal(64 * K, vma.Counters.SizeBytes);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Long_headers_get_one_blank_and_pseudo_names_are_told_apart()
    {
        string text = "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 18446744073709551615  [vsyscall]\n"
            + "7f00-7f10 rw-p 00000000 00:00 0\n";
        Assert.True(SmapsReader.TryParse(Encoding.UTF8.GetBytes(text), out Smaps? smaps, _diagnostics));

        Assert.Equal("[vsyscall]", smaps.Vmas[0].Mapping);
        Assert.Equal(MappingKind.File, smaps.Vmas[0].Kind); // an inode, so not the kernel's own name
        Assert.Equal(0xffffffffff600000UL, smaps.Vmas[0].Start);
        Assert.Equal(MappingKind.Anonymous, smaps.Vmas[1].Kind);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("7f00-7f10 r--p 00000000 08:01 42 /x\nRss: many kB\n", 2, 1)]
    [InlineData("7f00-zz r--p 00000000 08:01 42 /x\nRss: 4 kB\n7f10-7f20 r--p 00000000 08:01 42 /x\nRss: 4 kB\n", 1, 1)]
    [InlineData("Rss: 4 kB\n7f00-7f10 rwzp 00000000 08:01 42 /x\n", 1, 0)]
    [InlineData("7f00-7f10 r--p 00000000 08:01 42 /x\nRss: 4 kB\nPss:", 3, 1)]
    public void Bad_lines_are_reported_with_their_line_and_the_rest_kept(string text, int firstBadLine, int vmas)
    {
        Assert.True(SmapsReader.TryParse(Encoding.UTF8.GetBytes(text), out Smaps? smaps, _diagnostics, "p"));
        Assert.Equal(vmas, smaps.Vmas.Count);
        Assert.NotEmpty(_diagnostics);
        Assert.Equal(firstBadLine, _diagnostics[0].Line);
        Assert.All(_diagnostics, d => Assert.Equal("p", d.Path));
    }

    [Fact]
    public void Rollup_without_a_header_is_reported()
    {
        Assert.False(SmapsRollupReader.TryParse(""u8, out _, _diagnostics));
        Assert.Single(_diagnostics);
    }
}
