/*
 * emptyprog: the floor under any syscall tracer. Attaches a BPF program that does nothing
 * ("r0 = 0; exit") to each raw tracepoint named on the command line, prints "attached",
 * and holds them until killed. scripts/bpf-overhead.sh measures a workload under it: what
 * remains is the price of the syscall slow path and the BPF dispatch alone, which no
 * program on these tracepoints can go below.
 *
 *   emptyprog sys_enter sys_exit
 *
 * Over the bpf(2) syscall directly (Documentation/bpf/, include/uapi/linux/bpf.h): no libbpf.
 *
 * Build: gcc -O2 -Wall -o emptyprog emptyprog.c
 */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int bpf(int cmd, union bpf_attr *attr)
{
	return (int)syscall(SYS_bpf, cmd, attr, sizeof(*attr));
}

int main(int argc, char **argv)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};

	if (argc < 2) {
		fprintf(stderr, "usage: emptyprog TRACEPOINT...  (e.g. sys_enter sys_exit)\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		union bpf_attr load;

		memset(&load, 0, sizeof(load));
		load.prog_type = BPF_PROG_TYPE_RAW_TRACEPOINT;
		load.insns = (uint64_t)(uintptr_t)insns;
		load.insn_cnt = sizeof(insns) / sizeof(insns[0]);
		load.license = (uint64_t)(uintptr_t)"GPL";
		int prog = bpf(BPF_PROG_LOAD, &load);
		if (prog < 0) {
			perror("emptyprog: BPF_PROG_LOAD");
			return 1;
		}

		union bpf_attr attach;

		memset(&attach, 0, sizeof(attach));
		attach.raw_tracepoint.name = (uint64_t)(uintptr_t)argv[i];
		attach.raw_tracepoint.prog_fd = prog;
		if (bpf(BPF_RAW_TRACEPOINT_OPEN, &attach) < 0) {
			fprintf(stderr, "emptyprog: attaching to %s: ", argv[i]);
			perror("BPF_RAW_TRACEPOINT_OPEN");
			return 1;
		}
	}
	printf("attached\n");
	fflush(stdout);
	pause();
	return 0;
}
