// orphaner: a parent P that forks a CPU-burning child C, exits at T_P seconds (C is orphaned) while C
// burns until T_C; the reaper R reaps both. R is a PR_SET_CHILD_SUBREAPER process ("subreaper"), or
// pid 1 of a new PID namespace when run under `unshare --pid --fork` ("init"). With "grand", R forks
// a shell-like S that forks P and waits for P only, so P is reaped by S and C by R, not by S.
// Usage: orphaner direct|grand subreaper|init T_P T_C T_END   (R and S stay until T_END)
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static double t0;
static double elapsed(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9 - t0; }
static void sleep_until(double t) { while (elapsed() < t) usleep(20000); }
static void burn_until(double t) { volatile unsigned long x = 0; while (elapsed() < t) for (int i = 0; i < 100000; i++) x += i; }

int main(int argc, char **argv)
{
    if (argc != 6) { fprintf(stderr, "usage: orphaner direct|grand subreaper|init T_P T_C T_END\n"); return 2; }
    int grand = !strcmp(argv[1], "grand");
    double tp = atof(argv[3]), tc = atof(argv[4]), tend = atof(argv[5]);
    t0 = 0; t0 = elapsed();
    if (!strcmp(argv[2], "subreaper") && prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) { perror("prctl"); return 1; }
    if (fork() == 0) {
        if (grand) {
            pid_t p = fork();
            if (p > 0) { waitpid(p, NULL, 0); fprintf(stderr, "S reaped P at %.2f s\n", elapsed()); sleep_until(tend); _exit(0); }
        }
        if (fork() == 0) { burn_until(tc); _exit(0); }
        sleep_until(tp);
        fprintf(stderr, "P exits at %.2f s\n", elapsed());
        _exit(0);
    }
    for (;;) {
        pid_t w = waitpid(-1, NULL, WNOHANG);
        if (w > 0) { fprintf(stderr, "R reaped %d at %.2f s\n", w, elapsed()); continue; }
        if (w < 0 && elapsed() > tend) return 0;
        usleep(20000);
    }
}
