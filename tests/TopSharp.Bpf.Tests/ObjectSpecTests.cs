using TopSharp.Bpf;
using Xunit;

namespace TopSharp.Bpf.Tests;

/// <summary>ELF + BTF parsing of the committed objects: no kernel involved, runs unprivileged.</summary>
public class ObjectSpecTests
{
    [Fact]
    public void The_syscalls_object_declares_its_maps_as_the_C_does()
    {
        BpfObjectSpec spec = TestObjects.SyscallsSpec();
        var maps = spec.Maps.ToDictionary(m => m.Name);
        Assert.Equal(new BpfMapSpec("config", BpfMapType.Array, 4, 16, 1, 0), maps["config"]);
        Assert.Equal(new BpfMapSpec("counts", BpfMapType.PercpuHash, 8, 16, 10240, 0), maps["counts"]);
        Assert.Equal(new BpfMapSpec("comms", BpfMapType.LruHash, 4, 16, 10240, 0), maps["comms"]);
        Assert.Equal(new BpfMapSpec("timed", BpfMapType.Hash, 8, 32 * 8, 10240, 0), maps["timed"]);
        Assert.Equal(new BpfMapSpec("inflight", BpfMapType.PercpuArray, 4, 40, 1, 0), maps["inflight"]);
        Assert.Equal(new BpfMapSpec("parked", BpfMapType.LruHash, 4, 24, 10240, 0), maps["parked"]);
        Assert.Equal(6, maps.Count);
        Assert.Equal("GPL", spec.License);
    }

    [Fact]
    public void Programs_come_from_raw_tp_sections_with_their_map_references_on_LD_IMM64()
    {
        BpfObjectSpec spec = TestObjects.SyscallsSpec();
        Assert.Equal(["park", "sys_enter", "sys_exit"], spec.Programs.Select(p => p.Name).Order());
        Assert.Equal("sched_switch", spec.Programs.Single(p => p.Name == "park").AttachTo);
        foreach (BpfProgramSpec p in spec.Programs)
        {
            Assert.Equal(BpfProgramType.RawTracepoint, p.Type);
            Assert.Equal("raw_tp/" + p.AttachTo, p.Section);
            Assert.NotEmpty(p.MapReferences);
            Assert.All(p.MapReferences, r => Assert.Equal(0x18, p.Instructions[r.Instruction * 8]));
        }
        Assert.Contains(spec.Programs.Single(p => p.Name == "sys_enter").MapReferences, r => r.Map == "counts");
    }

    [Fact]
    public void A_ringbuf_map_has_no_key_or_value_and_its_size_in_max_entries()
    {
        BpfMapSpec events = TestObjects.LoaderTestSpec().Maps.Single(m => m.Name == "events");
        Assert.Equal(new BpfMapSpec("events", BpfMapType.Ringbuf, 0, 0, 16384, 0), events);
    }

    [Fact]
    public void Every_object_is_embedded_under_its_file_name() =>
        Assert.Contains("syscalls.bpf.o", BpfObject.EmbeddedNames);

    [Fact]
    public void Something_that_is_not_a_BPF_object_is_refused_in_words()
    {
        var e = Assert.Throws<BpfException>(() => BpfObjectSpec.Parse("#!/bin/sh\nnot an object at all, but long enough to have a header......"u8.ToArray(), "x"));
        Assert.Equal("not an ELF object", e.Message);
        byte[] truncated = BpfObject.ReadEmbedded("syscalls.bpf.o")[..200];
        Assert.Throws<BpfException>(() => BpfObjectSpec.Parse(truncated, "x"));
    }

    [Theory]
    [InlineData("0-1\n", 2)]
    [InlineData("0\n", 1)]
    [InlineData("0,2-5\n", 6)]
    public void Possible_cpus_count_up_to_the_highest_id(string text, int expected)
    {
        Assert.True(PossibleCpus.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out int n));
        Assert.Equal(expected, n);
    }

    [Fact]
    public void An_empty_possible_list_is_refused() => Assert.False(PossibleCpus.TryParse("\n"u8, out _));

    [Fact]
    public void EPERM_says_how_to_grant_the_capabilities()
    {
        BpfException e = BpfException.FromErrno("creating map counts", 1);
        Assert.Equal(BpfFailure.NotPrivileged, e.Failure);
        Assert.StartsWith("not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep <binary>`", e.Message);
        Assert.Equal(BpfFailure.NotSupported, BpfException.FromErrno("x", 38).Failure);
        Assert.Contains("no BPF", BpfException.FromErrno("x", 38).Message);
    }
}
