/*
 * syscaller: makes an exact number of syscalls, for the eBPF syscall counting tests and
 * scripts/bpf-overhead.sh.
 *
 *   syscaller GETPPID [FAILING_CLOSE]
 *
 * makes GETPPID getppid(2) calls (through syscall(2): no libc caching) and FAILING_CLOSE
 * close(-1) calls (each fails with EBADF), then prints on stdout the CPU time its getppid
 * loop took per call, in ns (CLOCK_PROCESS_CPUTIME_ID), and exits.
 *
 * Build: gcc -O2 -Wall -o syscaller syscaller.c
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
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
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: syscaller GETPPID [FAILING_CLOSE]\n");
		return 2;
	}
	long getppids = atol(argv[1]), closes = argc > 2 ? atol(argv[2]) : 0;
	double start = cpu_ns();

	for (long i = 0; i < getppids; i++)
		syscall(SYS_getppid);
	double end = cpu_ns();
	for (long i = 0; i < closes; i++)
		syscall(SYS_close, -1);
	printf("%.1f\n", getppids ? (end - start) / getppids : 0.0);
	return 0;
}
