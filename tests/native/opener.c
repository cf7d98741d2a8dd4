/*
 * opener: a loop of failing opens for scripts/bpf-overhead.sh (section opens).
 *
 *   opener PATH
 *
 * prints its pid, then for each count N read from stdin makes N openat(2) calls of PATH (a missing path:
 * each fails with ENOENT, so no fd piles up) and prints the CPU time per call in ns
 * (CLOCK_PROCESS_CPUTIME_ID). One process serves every round, so a tracer can be scoped to its pid.
 *
 * Build: gcc -O2 -Wall -o opener opener.c
 */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n;

	if (argc != 2) {
		fprintf(stderr, "usage: opener PATH\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("%d\n", getpid());
	while (scanf("%ld", &n) == 1) {
		double start = cpu_ns();

		for (long i = 0; i < n; i++)
			openat(AT_FDCWD, argv[1], O_RDONLY);
		printf("%.1f\n", (cpu_ns() - start) / n);
	}
	return 0;
}
