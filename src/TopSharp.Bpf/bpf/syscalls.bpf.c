// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/*
 * syscalls.bpf.c: per-process syscall counts, errors and (optionally) latency,
 * aggregated in the kernel on the raw_syscalls:sys_enter/sys_exit raw tracepoints.
 *
 * Built by build.sh (clang -O2 -g -target bpf -mcpu=v2); the object is committed and
 * loaded by TopSharp.Bpf's own loader, which supports BTF-defined maps and map
 * relocations only: no globals, no CO-RE, no bpf-to-bpf calls (helpers are inlined).
 *
 * Two modes, switched by user space at run time (config.latency_gen):
 *
 * Counting (latency_gen 0): sys_enter counts each call in `counts`; sys_exit returns at
 * once unless the call failed, and then counts the error, reading the syscall number
 * from pt_regs (sys_exit's arguments do not carry it).
 *
 * Latency: the same exact counts, plus log2 latency histograms per (tgid, nr) in
 * `timed`. Reading the clock costs ~90 ns on a VM's kvm-clock, twice per timed call,
 * so not every call is timed: on each CPU the first TIMED_PER_TICK calls of every tick
 * are (weight 1), and beyond that one call in SAMPLE_EVERY at random (weight
 * SAMPLE_EVERY). Each timed call adds its weight to its bucket, so a histogram
 * estimates the number of calls per bucket without bias (Horvitz-Thompson), a quiet
 * process is timed call by call, and a flood of calls costs little more than counting.
 *
 * Where a call's stamp lives while it runs: in `inflight`, this CPU's one slot, which
 * the thread owns from sys_enter until it returns or is switched out (a thread runs one
 * syscall at a time, and no other thread can enter one on this CPU without a switch in
 * between). `park`, on sched_switch (attached in latency mode only), releases the slot
 * of a thread switched out inside a syscall and, if its call is timed, keeps the stamp
 * in `parked` under its tid. So a call that does not block needs no per-thread hash
 * lookup at all; one that blocks pays one at the switch and one at its return.
 *
 * Maps (user space drains counts and timed with LOOKUP_AND_DELETE_BATCH every refresh):
 *   config    one-element array written by user space (struct config below)
 *   counts    {tgid, nr} -> {calls, errors}, per CPU
 *   timed     {tgid, nr} -> weighted calls per log2(ns) bucket, atomic adds (one copy,
 *             not per CPU: its value is 32 words)
 *   comms     tgid -> comm of the thread that made the key's first call since the last
 *             drain, so a process's name survives its exit (LRU: bounded)
 *   inflight  per CPU: the owner of this CPU's syscall slot and its stamp
 *   parked    tid -> stamp of a timed call whose thread was switched out (LRU: bounded)
 *
 * Stamps do not leak or pair wrongly: each is consumed by the exit that pairs with it;
 * exit and exit_group (which never reach sys_exit) are never stamped; the slot and a
 * stamp are trusted only within the latency generation that wrote them, so switching
 * latency off and on again never pairs a stale one; `parked` is LRU, so a thread killed
 * in an odd place costs at most a recycled entry.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAX_ENTRIES 10240
#define HIST_SLOTS  32  /* log2 buckets of nanoseconds: slot s holds [2^s, 2^(s+1)); the last is open */
#define MAX_ERRNO   4095
#define TIMED_PER_TICK 8 /* per CPU, the first calls of each tick are all timed */
#define SAMPLE_EVERY   16 /* beyond them, one call in this many (a power of two) */

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

/* The syscall slot of one CPU. */
struct slot {
	__u64 ts;     /* sys_enter time of the owner's call if it is timed; 0: not timed */
	__u64 window; /* jiffies when budget was last refilled */
	__u32 tid;    /* the thread inside a syscall on this CPU; 0: none */
	__u32 nr;
	__u32 gen;    /* the latency generation that wrote this slot */
	__u32 weight; /* the calls a timed call stands for: 1 within the budget, SAMPLE_EVERY beyond */
	__u32 budget; /* calls still timed one by one in this tick */
	__u32 pad;
};

/* A timed call whose thread was switched out before returning. */
struct stamp {
	__u64 ts;
	__u32 nr;
	__u32 gen;
	__u32 weight;
	__u32 pad;
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

struct hist {
	__u64 slots[HIST_SLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct key);
	__type(value, struct hist);
} timed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, __u32);
	__type(value, struct comm);
} comms SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct slot);
} inflight SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, __u32);
	__type(value, struct stamp);
} parked SEC(".maps");

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

static __always_inline void remember_comm(__u32 tgid)
{
	struct comm comm = {};

	bpf_get_current_comm(&comm.name, sizeof(comm.name));
	bpf_map_update_elem(&comms, &tgid, &comm, BPF_ANY);
}

/* Adds one call (error = 0) or one error (error = 1) to counts[key]; records the comm on insert. */
static __always_inline void count(struct key *key, int error)
{
	struct counters *c = bpf_map_lookup_elem(&counts, key);

	if (c) {
		/* per-CPU value, and programs on syscall tracepoints run with preemption off: a plain add is exact */
		if (error)
			c->errors++;
		else
			c->calls++;
		return;
	}
	struct counters fresh = { .calls = !error, .errors = !!error };
	if (bpf_map_update_elem(&counts, key, &fresh, BPF_NOEXIST) == 0) {
		remember_comm(key->tgid);
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

/* Adds a timed call's weight to its latency bucket in timed[key]: shared by all CPUs, so an atomic add. */
static __always_inline void add_timed(struct key *key, __u64 ns, __u32 weight)
{
	struct hist *h = bpf_map_lookup_elem(&timed, key);

	if (!h) {
		struct hist zero = {};

		bpf_map_update_elem(&timed, key, &zero, BPF_NOEXIST);
		/* inserted here or by another CPU just now (or the map is full): one more lookup, no loop */
		h = bpf_map_lookup_elem(&timed, key);
		if (!h)
			return;
	}
	__sync_fetch_and_add(&h->slots[log2_slot(ns) & (HIST_SLOTS - 1)], weight);
}

/* Latency mode: this thread takes the CPU's slot for its call, timed or not. */
static __always_inline void take_slot(__u32 tid, __u32 nr, __u32 gen)
{
	__u32 zero = 0;
	struct slot *sl = bpf_map_lookup_elem(&inflight, &zero);

	if (!sl)
		return;
	sl->tid = tid;
	sl->nr = nr;
	sl->gen = gen;
	sl->ts = 0;
	__u64 tick = bpf_jiffies64();
	if (sl->window != tick) {
		sl->window = tick;
		sl->budget = TIMED_PER_TICK;
	}
	if (sl->budget) {
		sl->budget--;
		sl->weight = 1;
	} else if ((bpf_get_prandom_u32() & (SAMPLE_EVERY - 1)) == 0) {
		sl->weight = SAMPLE_EVERY;
	} else {
		return;
	}
	sl->ts = bpf_ktime_get_ns();
}

SEC("raw_tp/sys_enter")
int sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct key key = { .tgid = pid_tgid >> 32, .nr = (__u32)ctx->args[1] };
	__u32 zero = 0;

	count(&key, 0);
	struct config *cfg = bpf_map_lookup_elem(&config, &zero);
	if (cfg && cfg->latency_gen && key.nr != cfg->exit_nr && key.nr != cfg->exit_group_nr)
		take_slot((__u32)pid_tgid, key.nr, cfg->latency_gen);
	return 0;
}

/* The thread being switched out is still current here: if it owns the slot, release it, parking a timed call's stamp. */
SEC("raw_tp/sched_switch")
int park(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 zero = 0, tid = (__u32)bpf_get_current_pid_tgid();
	struct slot *sl = bpf_map_lookup_elem(&inflight, &zero);

	if (!sl || !sl->tid || sl->tid != tid)
		return 0;
	if (sl->ts) {
		struct stamp *old = bpf_map_lookup_elem(&parked, &tid);

		if (old) { /* in place: an LRU insert allocates, and a thread that blocks once blocks again */
			old->nr = sl->nr;
			old->gen = sl->gen;
			old->weight = sl->weight;
			old->ts = sl->ts;
		} else {
			struct stamp st = { .ts = sl->ts, .nr = sl->nr, .gen = sl->gen, .weight = sl->weight };

			bpf_map_update_elem(&parked, &tid, &st, BPF_NOEXIST);
		}
	}
	sl->tid = 0;
	sl->ts = 0;
	return 0;
}

/*
 * Latency mode, at sys_exit: this thread's call as sys_enter left it, from the slot if the thread
 * still owns it, else from parked if the call was timed. Returns 0 when neither knows the call.
 */
static __always_inline int take_call(__u32 tid, __u32 gen, struct stamp *out)
{
	__u32 zero = 0;
	struct slot *sl = bpf_map_lookup_elem(&inflight, &zero);

	if (sl && sl->tid == tid && sl->gen == gen) {
		out->ts = sl->ts;
		out->nr = sl->nr;
		out->weight = sl->weight;
		sl->tid = 0;
		sl->ts = 0;
		return 1;
	}
	struct stamp *st = bpf_map_lookup_elem(&parked, &tid);
	if (!st || !st->ts || st->gen != gen)
		return 0;
	*out = *st;
	st->ts = 0;
	return 1;
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
	struct key key = { .tgid = pid_tgid >> 32, .nr = 0 };
	struct stamp call = {};
	int known = cfg->latency_gen && take_call((__u32)pid_tgid, cfg->latency_gen, &call);

	if (known) {
		key.nr = call.nr;
		if (call.ts)
			add_timed(&key, bpf_ktime_get_ns() - call.ts, call.weight);
	}
	if (!error)
		return 0;
	if (!known) {
		/* sys_exit's arguments do not carry the number: read it from pt_regs */
		__u32 nr;

		if (bpf_probe_read_kernel(&nr, sizeof(nr), (void *)(ctx->args[0] + cfg->nr_offset)))
			return 0;
		key.nr = nr;
	}
	count(&key, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
