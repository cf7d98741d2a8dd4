using TopSharp.Core;

namespace TopSharp.Cli;

/// <summary>Everything the command line chose, parsed and checked once; the dashboard and the headless modes read it.</summary>
public sealed record CommandLineOptions
{
    public static readonly TimeSpan MinDelay = TimeSpan.FromSeconds(0.2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>Time between two samples (<c>-d/--delay</c>), 0.2 to 60 s.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Only these processes (<c>-p/--pid</c>); empty for all.</summary>
    public IReadOnlyList<int> Pids { get; init; } = [];

    /// <summary>Only processes of this user name or numeric uid (<c>-u/--user</c>); null for all.</summary>
    public string? User { get; init; }

    /// <summary>Where to read proc/ and sys/ from (<c>--root</c>): the live machine, or a captured tree.</summary>
    public KernelRoot Root { get; init; } = KernelRoot.Live;

    /// <summary>Colour theme name (<c>--theme</c>); null for the default.</summary>
    public string? Theme { get; init; }

    /// <summary>Colour depth (<c>--colors</c>); null to detect from the terminal.</summary>
    public ColorMode? Colors { get; init; }

    /// <summary>Sample once (two readings, <see cref="Delay"/> apart), print, and exit (<c>--once</c>).</summary>
    public bool Once { get; init; }

    /// <summary>Print the <c>--once</c> report as one JSON document (<c>--json</c>, docs/json.md).</summary>
    public bool Json { get; init; }

    /// <summary>With <c>--json</c>: read each process's /proc/PID/numa_maps for <c>numa_bytes_by_node</c> (<c>--numa-maps</c>).</summary>
    public bool NumaMaps { get; init; }

    /// <summary>Trace open(2)-family calls as JSON lines (<c>--opens --json</c>), scoped by a single <c>--pid</c> or by <see cref="Cgroup"/>.</summary>
    public bool Opens { get; init; }

    /// <summary>With <c>--opens</c>: stop after this long (<c>--duration</c>); null runs until Ctrl+C or SIGTERM.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>No eBPF programs at all: no syscall pane data, no SYSC/s columns, CPU meters from /proc/stat's ticks only (<c>--no-bpf</c>).</summary>
    public bool NoBpf { get; init; }

    /// <summary>With <c>--json</c>: time syscalls for <c>p50_ns</c>/<c>p99_ns</c> (<c>--syscall-latency</c>; it costs more).</summary>
    public bool SyscallLatency { get; init; }

    /// <summary>With <c>--json</c>: the memory map (smaps, smaps_rollup, numa_maps, page cache) of this process (<c>--maps PID</c>).</summary>
    public int? MapsPid { get; init; }

    /// <summary>
    /// <c>--cgroup [HIERARCHY:]PATH</c>: with <c>--once --json</c>, also the syscalls of this cgroup's processes and its descendants';
    /// with <c>--opens</c>, only their opens (a unified group only: eBPF filters by cgroup v2 id).
    /// </summary>
    public Core.Cgroups.CgroupKey? Cgroup { get; init; }

    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }
}

/// <summary><c>--colors 16|truecolor|none</c>.</summary>
public enum ColorMode
{
    Sixteen,
    TrueColor,
    None,
}
