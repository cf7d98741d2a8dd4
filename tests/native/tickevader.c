/*
 * tickevader: a process that hides from tick-based CPU accounting.
 *
 * Documentation/admin-guide/cpu-load.rst: /proc/stat's user/system/idle counters are
 * sampled at each scheduler tick, so "a process that runs between ticks is never
 * charged". This program pins itself to one CPU, finds where that CPU's ticks fall on
 * CLOCK_MONOTONIC, and on every tick period is busy for a window that either avoids
 * the tick (default) or straddles it (--on-tick):
 *
 *   ticks (every 1/HZ, 4 ms at HZ=250):  |           |           |
 *   default: asleep across each tick     |   #####   |   #####   |
 *   --on-tick: busy across each tick   ##|##       ##|##       ##|##
 *
 * It is busy for the same share of time in both placements, so its real use is the
 * same; only what /proc/stat records differs. Its real use is reported on stdout,
 * from its own CLOCK_PROCESS_CPUTIME_ID (the kernel's sum_exec_runtime), one line
 * every --report-ms:
 *
 *   <CLOCK_MONOTONIC ns> <CLOCK_PROCESS_CPUTIME_ID ns>
 *
 * Where the ticks fall: the kernel aligns the periodic tick to a multiple of TICK_NSEC
 * on CLOCK_MONOTONIC (kernel/time/tick-sched.c, tick_init_jiffy_update), unless booted
 * with skew_tick=1. The phase is read from /proc/timer_list (".last_tick" of this CPU,
 * root only) when readable, else assumed 0; --phase-us overrides both.
 *
 * Build: gcc -O2 -Wall -o tickevader tickevader.c
 * Usage: tickevader [--on-tick] [--cpu N] [--tick-us 4000] [--busy-us 2000]
 *                   [--phase-us P] [--report-ms 1000] [--seconds S]
 * With --seconds it exits after S seconds and prints its busy share on stderr;
 * without, it runs until killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#define NSEC_PER_USEC 1000LL
#define NSEC_PER_MSEC 1000000LL
#define NSEC_PER_SEC 1000000000LL

struct options {
    int on_tick;          /* 1: busy window centred on the tick; 0: between ticks */
    int cpu;              /* CPU to pin to */
    int64_t tick_ns;      /* tick period: 1 s / CONFIG_HZ (4 ms at HZ=250) */
    int64_t busy_ns;      /* busy time per tick period */
    int64_t phase_ns;     /* tick time modulo tick_ns on CLOCK_MONOTONIC; -1: find it */
    int64_t report_ns;    /* interval between stdout reports */
    int64_t run_ns;       /* total run time; 0: until killed */
};

static int64_t clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

static void sleep_until(int64_t monotonic_ns)
{
    struct timespec ts = { monotonic_ns / NSEC_PER_SEC, monotonic_ns % NSEC_PER_SEC };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static void spin_until(int64_t monotonic_ns)
{
    while (clock_ns(CLOCK_MONOTONIC) < monotonic_ns)
        ;
}

/*
 * The phase of this CPU's tick: ".last_tick" in the "cpu: N" section of
 * /proc/timer_list (kernel/time/timer_list.c) is the CLOCK_MONOTONIC time of its
 * last tick. Returns -1 when the file is unreadable (not root) or has no such line.
 */
static int64_t tick_phase_from_timer_list(int cpu, int64_t tick_ns)
{
    FILE *f = fopen("/proc/timer_list", "r");
    if (!f)
        return -1;
    char line[256];
    int current_cpu = -1;
    long long last_tick = -1;
    while (fgets(line, sizeof line, f)) {
        int n;
        if (sscanf(line, "cpu: %d", &n) == 1)
            current_cpu = n;
        else if (current_cpu == cpu && sscanf(line, " .last_tick : %lld", &last_tick) == 1)
            break;
    }
    fclose(f);
    return last_tick < 0 ? -1 : last_tick % tick_ns;
}

static void usage(void)
{
    fprintf(stderr, "usage: tickevader [--on-tick] [--cpu N] [--tick-us 4000] [--busy-us 2000]\n"
                    "                  [--phase-us P] [--report-ms 1000] [--seconds S]\n");
    exit(2);
}

static struct options parse_options(int argc, char **argv)
{
    struct options o = { 0, 1, 4000 * NSEC_PER_USEC, 2000 * NSEC_PER_USEC, -1, NSEC_PER_SEC, 0 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--on-tick") == 0) { o.on_tick = 1; continue; }
        if (i + 1 >= argc)
            usage();
        double v = atof(argv[++i]);
        if (strcmp(a, "--cpu") == 0) o.cpu = (int)v;
        else if (strcmp(a, "--tick-us") == 0) o.tick_ns = (int64_t)(v * NSEC_PER_USEC);
        else if (strcmp(a, "--busy-us") == 0) o.busy_ns = (int64_t)(v * NSEC_PER_USEC);
        else if (strcmp(a, "--phase-us") == 0) o.phase_ns = (int64_t)(v * NSEC_PER_USEC);
        else if (strcmp(a, "--report-ms") == 0) o.report_ns = (int64_t)(v * NSEC_PER_MSEC);
        else if (strcmp(a, "--seconds") == 0) o.run_ns = (int64_t)(v * NSEC_PER_SEC);
        else usage();
    }
    if (o.tick_ns <= 0 || o.busy_ns <= 0 || o.busy_ns >= o.tick_ns || o.report_ns <= 0)
        usage();
    return o;
}

int main(int argc, char **argv)
{
    struct options o = parse_options(argc, argv);

    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(o.cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        perror("tickevader: sched_setaffinity");
        return 1;
    }
    /* Wake within ~1 µs of the asked time, not the default 50 µs slack. */
    prctl(PR_SET_TIMERSLACK, 1UL);

    const char *phase_source = "--phase-us";
    if (o.phase_ns < 0) {
        o.phase_ns = tick_phase_from_timer_list(o.cpu, o.tick_ns);
        phase_source = "/proc/timer_list";
    }
    if (o.phase_ns < 0) {
        o.phase_ns = 0;
        phase_source = "assumed (tick aligned to TICK_NSEC)";
    }

    /*
     * Busy window start, relative to the tick before it. Between ticks: half the idle
     * time after the tick, so the window ends the same margin before the next tick
     * (1 ms either side with the defaults). On the tick: half the window before the
     * next tick.
     */
    int64_t idle_ns = o.tick_ns - o.busy_ns;
    int64_t offset_ns = o.on_tick ? o.tick_ns - o.busy_ns / 2 : idle_ns / 2;
    fprintf(stderr, "tickevader: pid %d, cpu %d, tick %lld us, phase %lld us (%s), busy %lld us %s\n",
            (int)getpid(), o.cpu, (long long)(o.tick_ns / NSEC_PER_USEC),
            (long long)(o.phase_ns / NSEC_PER_USEC), phase_source,
            (long long)(o.busy_ns / NSEC_PER_USEC), o.on_tick ? "on the tick" : "between ticks");

    int64_t start = clock_ns(CLOCK_MONOTONIC);
    int64_t start_cpu = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    int64_t next_report = start;
    /* The first tick after start; each busy window is placed relative to a tick. */
    int64_t tick = start - ((start - o.phase_ns) % o.tick_ns) + o.tick_ns;
    for (;;) {
        int64_t window_start = tick + offset_ns - o.tick_ns;
        int64_t window_end = window_start + o.busy_ns;
        if (o.run_ns && window_start - start >= o.run_ns)
            break;
        sleep_until(window_start);
        spin_until(window_end);
        tick += o.tick_ns;

        /* Report just after a busy window, well away from the tick in either placement. */
        int64_t now = clock_ns(CLOCK_MONOTONIC);
        if (now >= next_report) {
            printf("%lld %lld\n", (long long)now, (long long)clock_ns(CLOCK_PROCESS_CPUTIME_ID));
            fflush(stdout);
            next_report += o.report_ns;
        }
    }

    int64_t wall = clock_ns(CLOCK_MONOTONIC) - start;
    int64_t used = clock_ns(CLOCK_PROCESS_CPUTIME_ID) - start_cpu;
    fprintf(stderr, "tickevader: used %.1f%% of cpu %d over %.2f s (CLOCK_PROCESS_CPUTIME_ID)\n",
            100.0 * (double)used / (double)wall, o.cpu, (double)wall / NSEC_PER_SEC);
    return 0;
}
