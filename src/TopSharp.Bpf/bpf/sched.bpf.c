// SPDX-License-Identifier: GPL-2.0
/*
 * sched.bpf.c: per-CPU busy time that tick sampling cannot fool.
 *
 * /proc/stat charges a whole tick to whatever runs when the tick fires
 * (Documentation/admin-guide/cpu-load.rst), so work that avoids the tick is
 * never counted and work that straddles it is counted in full. This program
 * runs at every context switch instead, and sums, per CPU, the nanoseconds a
 * task other than the idle task (pid 0) was running.
 *
 * A switch ends the segment of the task switched out and starts one for the
 * task switched in. The segment still running when user space reads is not
 * in busy_ns: user space adds now - last_switch_ns unless running_idle.
 *
 * Whether the task switched in is the idle task comes from next->pid, read at
 * an offset user space resolves from /sys/kernel/btf/vmlinux and writes into
 * sched_config before attaching (no CO-RE: the loader does not relocate).
 * Whether the task switched out was idle is what the previous switch stored.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL"; /* bpf_probe_read_kernel is GPL-only */

struct sched_config {
	__u32 task_pid_offset; /* offsetof(struct task_struct, pid); 0 = not set, count nothing */
};

/*
 * One CPU's account. seq_begun and seq_done bracket each update, and sit at
 * the two ends so that a reader copying the value front to back (as the
 * map-lookup syscall does) sees seq_done == seq_begun only for a value no
 * switch was halfway through; user space reads again otherwise.
 */
struct sched_cpu {
	__u64 seq_done;       /* equals seq_begun once the update is complete */
	__u64 busy_ns;        /* finished segments in which a non-idle task ran */
	__u64 last_switch_ns; /* bpf_ktime_get_ns() (CLOCK_MONOTONIC) of the last switch; 0 = none yet */
	__u32 running_idle;   /* 1 when the task switched in at last_switch_ns is the idle task */
	__u32 pad;
	__u64 seq_begun;      /* incremented before an update starts */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sched_config);
} sched_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sched_cpu);
} sched_cpus SEC(".maps");

/* Keeps the compiler from moving the account's stores across the seq stores. */
#define barrier() asm volatile("" ::: "memory")

/* TP_PROTO(bool preempt, struct task_struct *prev, struct task_struct *next, unsigned int prev_state) */
SEC("raw_tp/sched_switch")
int sched_switch(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 zero = 0;
	struct sched_config *config = bpf_map_lookup_elem(&sched_config, &zero);
	struct sched_cpu *cpu = bpf_map_lookup_elem(&sched_cpus, &zero);
	if (!config || !cpu || config->task_pid_offset == 0)
		return 0;

	const char *next = (const char *)ctx->args[2];
	__s32 next_pid = -1;
	long err = bpf_probe_read_kernel(&next_pid, sizeof(next_pid), next + config->task_pid_offset);
	__u64 now = bpf_ktime_get_ns();

	cpu->seq_begun++;
	barrier();
	if (cpu->last_switch_ns && !cpu->running_idle)
		cpu->busy_ns += now - cpu->last_switch_ns;
	/* An unreadable next task leaves the new segment unknown: not counted either way. */
	cpu->last_switch_ns = err ? 0 : now;
	cpu->running_idle = next_pid == 0;
	barrier();
	cpu->seq_done = cpu->seq_begun;
	return 0;
}
