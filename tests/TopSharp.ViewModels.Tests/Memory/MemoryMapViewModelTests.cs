using R3;
using TopSharp.Core;
using TopSharp.Core.Memory;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Testing;
using TopSharp.ViewModels.Memory;
using TopSharp.ViewModels.Sampling;
using Xunit;

namespace TopSharp.ViewModels.Tests.Memory;

/// <summary>The memory map on the numa4-cgroup2 capture (ANSWERS.md: mapper 158, burner-job1 159, zombie 169, kthreadd 2).</summary>
public sealed class MemoryMapViewModelTests : IDisposable
{
    private static readonly KernelRoot T0 = new(Fixtures.Dir("numa4-cgroup2/t0"));
    private readonly Sampler _sampler = new(T0);
    private readonly KernelFile _file = new();
    private readonly Subject<Sample> _samples = new();
    private readonly SystemSnapshot _snapshot;

    public MemoryMapViewModelTests() => _snapshot = _sampler.Sample(ProcessFiles.All);

    private MemoryMapViewModel Open(int pid, Func<int, MemoryMap?>? read = null)
    {
        ProcessKey key = _snapshot.Processes.Single(p => p.Pid == pid).Key;
        var vm = new MemoryMapViewModel(key, _samples, read ?? (p => MemoryMap.Read(T0, _file, p, [])), (p, s) => PageCacheReader.Read(T0, p, s));
        _samples.OnNext(new Sample(_snapshot, null, null));
        return vm;
    }

    private static int Col(MapColumn c) => (int)c;

    [Fact]
    public void Mapper_rows_in_address_order_with_rollup_totals_and_a_page_cache_note_for_a_capture()
    {
        using MemoryMapViewModel vm = Open(158);
        MemoryMapState s = vm.State.CurrentValue;

        Assert.Null(s.Message);
        Assert.Equal("PID 158 mapper", s.Title);
        Assert.Contains("RSS 64.8M", s.Totals);
        Assert.Contains("PSS 41.5M", s.Totals);
        Assert.Null(s.Note);
        Assert.Equal(13, s.Rows.Count);
        Assert.Equal("400000-401000", s.Rows[0].Cells[Col(MapColumn.Address)]);
        Assert.Equal("/bin/tsx", s.Rows[0].Cells[Col(MapColumn.Mapping)]);
        Assert.Contains(s.Rows, r => r.Cells[Col(MapColumn.Mapping)] == "/dev/zero (deleted)" && r.Cells[Col(MapColumn.Rss)] == "32.0M");
        Assert.NotNull(s.FilesNote);
        Assert.All(s.Rows, r => Assert.Equal("-", r.Cells[Col(MapColumn.Cached)]));
    }

    [Fact]
    public void Sort_by_RSS_starts_largest_first_and_again_reverses()
    {
        using MemoryMapViewModel vm = Open(158);
        vm.SortBy(MapColumn.Rss);
        Assert.Equal("/dev/zero (deleted)", vm.State.CurrentValue.Rows[0].Cells[Col(MapColumn.Mapping)]);
        vm.SortBy(MapColumn.Rss);
        Assert.Equal("0", vm.State.CurrentValue.Rows[0].Cells[Col(MapColumn.Rss)]);
    }

    [Fact]
    public void Grouping_puts_all_VMAs_of_a_file_in_one_row_with_totals_and_the_filter_keeps_matching_names()
    {
        using MemoryMapViewModel vm = Open(158);
        vm.ToggleGrouped();
        MemoryMapRow tsx = Assert.Single(vm.State.CurrentValue.Rows, r => r.Cells[Col(MapColumn.Mapping)] == "/bin/tsx");
        Assert.Equal("×5", tsx.Cells[Col(MapColumn.Perms)]);
        Assert.Equal("732K", tsx.Cells[Col(MapColumn.Rss)]);
        MemoryMapRow shm = Assert.Single(vm.State.CurrentValue.Rows, r => r.Cells[Col(MapColumn.Mapping)] == "/dev/shm/db-buffer.bin");
        Assert.Equal("32.0M", shm.Cells[Col(MapColumn.Rss)]);

        vm.SetFilter("SHM");
        Assert.Equal("/dev/shm/db-buffer.bin", Assert.Single(vm.State.CurrentValue.Rows).Cells[Col(MapColumn.Mapping)]);
    }

    [Fact]
    public void Numa_policies_are_joined_by_start_address()
    {
        using MemoryMapViewModel vm = Open(157);
        MemoryMapRow bind = Assert.Single(vm.State.CurrentValue.Rows, r => r.Cells[Col(MapColumn.Address)].StartsWith("200000000-", StringComparison.Ordinal));
        Assert.Equal("bind:1 N1=200M", bind.Cells[Col(MapColumn.Numa)]);
    }

    [Fact]
    public void The_burner_notes_that_smaps_is_below_VmRSS() =>
        Assert.Contains("VmRSS 33424 kB", Open(159).State.CurrentValue.Note);

    [Theory]
    [InlineData(169, "zombie: no memory map")]
    [InlineData(2, "kernel thread: no memory map")]
    public void Zombies_and_kernel_threads_say_they_have_no_map(int pid, string message)
    {
        using MemoryMapViewModel vm = Open(pid);
        Assert.Equal(message, vm.State.CurrentValue.Message);
        Assert.Empty(vm.State.CurrentValue.Rows);
    }

    [Fact]
    public void Each_refresh_shows_the_RSS_change_per_VMA()
    {
        int reads = 0;
        MemoryMap? Read(int pid)
        {
            MemoryMap map = MemoryMap.Read(T0, _file, pid, [])!;
            if (reads++ == 0) return map;
            // The second read: the first VMA grew by 8 KiB.
            Vma first = map.Smaps.Vmas[0];
            Vma grown = first with { Counters = first.Counters with { RssBytes = first.Counters.RssBytes + 8192 } };
            return map with { Smaps = new Smaps([grown, .. map.Smaps.Vmas.Skip(1)]) };
        }
        using MemoryMapViewModel vm = Open(158, Read);
        Assert.All(vm.State.CurrentValue.Rows, r => Assert.Equal("", r.Cells[Col(MapColumn.RssDelta)]));

        _samples.OnNext(new Sample(_snapshot, null, null));
        MemoryMapRow row = vm.State.CurrentValue.Rows[0];
        Assert.Equal("+8K", row.Cells[Col(MapColumn.RssDelta)]);
        Assert.True(row.RssGrew);
        Assert.All(vm.State.CurrentValue.Rows.Skip(1), r => Assert.False(r.RssGrew || r.RssShrank));
    }

    [Fact]
    public void A_process_that_exits_says_so()
    {
        using MemoryMapViewModel vm = Open(158);
        _samples.OnNext(new Sample(_snapshot with { Processes = [] }, null, null));
        Assert.Equal("the process has exited: no memory map", vm.State.CurrentValue.Message);
    }

    public void Dispose()
    {
        _samples.Dispose();
        _file.Dispose();
        _sampler.Dispose();
    }
}
