// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/*
 * syscalls.bpf.c: per-process syscall counts, errors and (optionally) latency,
 * aggregated in the kernel on the raw_syscalls:sys_enter/sys_exit raw tracepoints.
 *
 * Built by build.sh (clang -O2 -g -target bpf -mcpu=v2); the object is committed and
 * loaded by TopSharp.Bpf's own loader, which supports BTF-defined maps and map
 * relocations only: no globals, no CO-RE, no bpf-to-bpf calls (helpers are inlined).
 *
 * Maps (user space drains counts and proc_hist with LOOKUP_AND_DELETE_BATCH every refresh):
 *   config     one-element array written by user space (struct config below)
 *   counts     {tgid, nr} -> {calls, errors}, per CPU; calls counted at sys_enter,
 *              errors (return value in -4095..-1) at sys_exit
 *   comms      tgid -> comm of the thread that made the (tgid, nr)'s first call since the
 *              last drain, so a process's name survives its exit (LRU: bounded)
 *   start      tid -> {ts, nr, gen}: the pending syscall's start (latency mode only)
 *   sys_hist   [nr * HIST_SLOTS + log2(ns)] -> calls, per CPU, cumulative (never drained)
 *   proc_hist  {tgid, nr, log2(ns)} -> calls, per CPU
 *
 * Per-thread start stamps do not leak: sys_exit zeroes the stamp in place, exit and
 * exit_group (which never reach sys_exit) delete the thread's entry at sys_enter, and a
 * stamp only pairs with an exit of the same latency generation (config.latency_gen), so
 * switching latency off and on again never pairs a stale stamp. The map is LRU, so even
 * threads killed outside a syscall cost at most a recycled entry.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAX_ENTRIES 10240
#define MAX_NR      512 /* syscall numbers at or above this get no system-wide histogram */
#define HIST_SLOTS  32  /* log2 buckets of nanoseconds: slot s holds [2^s, 2^(s+1)); the last is open */
#define MAX_ERRNO   4095

struct config {
	__u32 latency_gen;   /* 0: counting only; otherwise latency on, stamps tagged with this value */
	__u32 nr_offset;     /* offset of the syscall number in struct pt_regs (x86_64 orig_ax 120, arm64 syscallno 280) */
	__u32 exit_nr;       /* exit (x86_64 60, arm64 93) */
	__u32 exit_group_nr; /* exit_group (x86_64 231, arm64 94) */
};

struct key {
	__u32 tgid;
	__u32 nr;
};

struct counters {
	__u64 calls;
	__u64 errors;
};

struct stamp {
	__u64 ts;
	__u32 nr;
	__u32 gen;
};

struct hist_key {
	__u32 tgid;
	__u32 nr;
	__u32 slot;
};

struct comm {
	char name[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct config);
} config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct key);
	__type(value, struct counters);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, __u32);
	__type(value, struct comm);
} comms SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, __u32);
	__type(value, struct stamp);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_NR * HIST_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} sys_hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct hist_key);
	__type(value, __u64);
} proc_hist SEC(".maps");

/* floor(log2(v)) for v > 0, clamped to the last slot; no loop for the verifier to bound. */
static __always_inline __u32 log2_slot(__u64 v)
{
	__u32 r = 0, s;

	s = (v > 0xFFFFFFFFULL) << 5; v >>= s; r |= s;
	s = (v > 0xFFFF) << 4; v >>= s; r |= s;
	s = (v > 0xFF) << 3; v >>= s; r |= s;
	s = (v > 0xF) << 2; v >>= s; r |= s;
	s = (v > 0x3) << 1; v >>= s; r |= s;
	r |= (v >> 1);
	return r < HIST_SLOTS ? r : HIST_SLOTS - 1;
}

/* Adds one call (errors = 0) or one error (errors = 1) to counts[key]; records the comm on insert. */
static __always_inline void count(struct key *key, int error)
{
	struct counters *c = bpf_map_lookup_elem(&counts, key);

	if (c) {
		/* per-CPU value, and raw tracepoints run with preemption off: a plain add is exact */
		if (error)
			c->errors++;
		else
			c->calls++;
		return;
	}
	struct counters fresh = { .calls = !error, .errors = !!error };
	if (bpf_map_update_elem(&counts, key, &fresh, BPF_NOEXIST) == 0) {
		struct comm comm = {};

		bpf_get_current_comm(&comm.name, sizeof(comm.name));
		bpf_map_update_elem(&comms, &key->tgid, &comm, BPF_ANY);
		return;
	}
	/* another CPU inserted the key first (or the map is full): one more try, no loop */
	c = bpf_map_lookup_elem(&counts, key);
	if (c) {
		if (error)
			c->errors++;
		else
			c->calls++;
	}
}

SEC("raw_tp/sys_enter")
int sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct key key = { .tgid = pid_tgid >> 32, .nr = (__u32)ctx->args[1] };
	__u32 zero = 0, tid = (__u32)pid_tgid;

	count(&key, 0);

	struct config *cfg = bpf_map_lookup_elem(&config, &zero);
	if (!cfg || !cfg->latency_gen)
		return 0;
	if (key.nr == cfg->exit_nr || key.nr == cfg->exit_group_nr) {
		bpf_map_delete_elem(&start, &tid); /* this thread never returns */
		return 0;
	}
	struct stamp *st = bpf_map_lookup_elem(&start, &tid);
	if (st) {
		st->nr = key.nr;
		st->gen = cfg->latency_gen;
		st->ts = bpf_ktime_get_ns();
		return 0;
	}
	struct stamp fresh = { .ts = bpf_ktime_get_ns(), .nr = key.nr, .gen = cfg->latency_gen };
	bpf_map_update_elem(&start, &tid, &fresh, BPF_ANY);
	return 0;
}

SEC("raw_tp/sys_exit")
int sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	long ret = (long)ctx->args[1];
	int error = ret < 0 && ret >= -MAX_ERRNO;
	__u32 zero = 0;

	struct config *cfg = bpf_map_lookup_elem(&config, &zero);
	if (!cfg)
		return 0;
	if (!cfg->latency_gen && !error)
		return 0; /* the counting mode's fast path */

	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct key key = { .tgid = pid_tgid >> 32, .nr = 0 };
	int have_nr = 0;

	if (cfg->latency_gen) {
		struct stamp *st = bpf_map_lookup_elem(&start, &tid);

		if (st && st->ts && st->gen == cfg->latency_gen) {
			__u64 delta = bpf_ktime_get_ns() - st->ts;
			struct hist_key hk = { .tgid = key.tgid, .nr = st->nr, .slot = log2_slot(delta) };
			__u64 one = 1, *n;

			key.nr = st->nr;
			have_nr = 1;
			st->ts = 0;
			if (key.nr < MAX_NR) {
				__u32 idx = key.nr * HIST_SLOTS + hk.slot;

				n = bpf_map_lookup_elem(&sys_hist, &idx);
				if (n)
					(*n)++;
			}
			n = bpf_map_lookup_elem(&proc_hist, &hk);
			if (n)
				(*n)++;
			else
				bpf_map_update_elem(&proc_hist, &hk, &one, BPF_NOEXIST);
		}
	}
	if (!error)
		return 0;
	if (!have_nr) {
		/* a rare path: the number is not in the raw arguments of sys_exit, read it from pt_regs */
		__u32 nr;

		if (bpf_probe_read_kernel(&nr, sizeof(nr), (void *)(ctx->args[0] + cfg->nr_offset)))
			return 0;
		key.nr = nr;
	}
	count(&key, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
