/*
 * pingpong: two processes pass one byte back and forth over two pipes, a
 * context-switch-heavy load. Pinned to one CPU (taskset -c N), every round
 * trip is two context switches and nothing else of note: the worst case for a
 * program on the sched_switch tracepoint.
 *
 * Prints one line: <round trips> <wall ns per round trip> <CPU ns per round trip>
 * where CPU is both processes' user + system time (getrusage: self + children).
 *
 * Build: gcc -O2 -Wall -o pingpong pingpong.c
 * Usage: pingpong ROUND_TRIPS
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }
static long long tv_ns(struct timeval t) { return t.tv_sec * 1000000000LL + t.tv_usec * 1000LL; }

int main(int argc, char **argv)
{
	long n = argc == 2 ? atol(argv[1]) : 0;
	int ping[2], pong[2];
	char c = 0;
	if (n <= 0) {
		fprintf(stderr, "usage: pingpong ROUND_TRIPS\n");
		return 2;
	}
	if (pipe(ping) || pipe(pong)) {
		perror("pingpong: pipe");
		return 1;
	}
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	pid_t child = fork();
	if (child == 0) {
		for (long i = 0; i < n; i++)
			if (read(ping[0], &c, 1) != 1 || write(pong[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	for (long i = 0; i < n; i++)
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1) {
			perror("pingpong: pipe i/o");
			return 1;
		}
	int status;
	waitpid(child, &status, 0);
	clock_gettime(CLOCK_MONOTONIC, &end);
	struct rusage self, children;
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &children);
	long long cpu = tv_ns(self.ru_utime) + tv_ns(self.ru_stime) + tv_ns(children.ru_utime) + tv_ns(children.ru_stime);
	printf("%ld %.1f %.1f\n", n, (double)(ns(end) - ns(start)) / n, (double)cpu / n);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
