namespace TopSharp.Cli;

/// <summary>The <c>--help</c> text: every option the parser accepts.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: topsharp [OPTIONS]
               topsharp --once --json [--numa-maps] [--syscall-latency] [--cgroup PATH] [--maps PID] [--delay SECONDS] [--root DIR]
               topsharp --opens --json [--pid PID | --cgroup PATH] [--duration SECONDS]

        An interactive process and system monitor for Linux.

        Options:
          -d, --delay SECONDS    time between samples, 0.2 to 60 (default 1)
          -p, --pid PID[,PID...] show only these processes (may be repeated)
          -u, --user NAME        show only processes of this user (name or uid)
              --root DIR         read proc/ and sys/ below DIR instead of /; a DIR holding
                                 t0/ and t1/ captures is read as two samples, timed by
                                 their proc/uptime
              --theme NAME       colour theme
              --colors MODE      colour depth: 16, truecolor or none
              --once             take one sample (two readings --delay apart), print, exit
              --json             with --once: print one JSON document (see docs/json.md)
              --numa-maps        with --json: add each process's resident bytes per NUMA
                                 node (reads /proc/PID/numa_maps, which walks page tables)
              --maps PID         with --json: add memory_map, the VMAs of PID from
                                 /proc/PID/smaps with their page cache
              --opens            trace open/openat/openat2/creat calls (eBPF, needs root or
                                 CAP_BPF+CAP_PERFMON): one JSON line per call, a summary
                                 line at the end (Ctrl+C or SIGTERM ends it cleanly)
              --duration SECONDS with --opens: stop after this long
              --no-bpf           load no eBPF programs (no syscall rates; CPU meters from
                                 /proc/stat's ticks only, which work between ticks evades)
              --syscall-latency  with --json: also time syscalls (p50_ns, p99_ns)
              --cgroup PATH      with --json: add syscalls.by_cgroup, the syscalls of the
                                 processes in PATH and below (unified hierarchy; or
                                 HIERARCHY:PATH for v1, e.g. cpu,cpuacct:/user.slice);
                                 with --opens: only the opens of that unified group and
                                 below (eBPF knows no v1 groups)
          -h, --help             show this help and exit
          -V, --version          show the version and exit

        Exit status: 0 on success, 1 on a failure while running, 2 for bad options.
        """;
}
