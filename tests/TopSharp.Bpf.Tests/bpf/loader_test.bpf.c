// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/*
 * loader_test.bpf.c: exercises the loader's map types in tests through BPF_PROG_TEST_RUN.
 * For each run with context {a, b}: hits[a] += b (hash), percpu[0] += 1 (per-CPU array),
 * and the 16-byte record {a, b} goes to the ring buffer "events".
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct record {
	__u64 a;
	__u64 b;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u64);
} hits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} percpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096 * 4);
} events SEC(".maps");

SEC("raw_tp/sys_enter")
int record_args(struct bpf_raw_tracepoint_args *ctx)
{
	struct record r = { .a = ctx->args[0], .b = ctx->args[1] };
	__u32 zero = 0;
	__u64 *v = bpf_map_lookup_elem(&hits, &r.a);

	if (v)
		__sync_fetch_and_add(v, r.b);
	else
		bpf_map_update_elem(&hits, &r.a, &r.b, BPF_NOEXIST);
	v = bpf_map_lookup_elem(&percpu, &zero);
	if (v)
		(*v)++;
	bpf_ringbuf_output(&events, &r, sizeof(r), 0);
	return 7;
}

char LICENSE[] SEC("license") = "GPL";
