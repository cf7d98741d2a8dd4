// SPDX-License-Identifier: GPL-2.0
/*
 * opens: every open(2)-family call with its result, for TopSharp's opens view.
 *
 * One program on the raw tracepoint raw_syscalls:sys_exit. At exit the saved user registers
 * still hold the syscall number (orig_ax / syscallno) and the arguments (the return value only
 * replaces ax / x0, whose original is kept in orig_x0), so no per-thread state is needed and a
 * thread that dies inside the call leaves nothing behind. The path is read from user memory at
 * exit, after the kernel's getname() has faulted it in (as libbpf-tools opensnoop does).
 *
 * The scope filter runs first, so a process outside the scope costs a map lookup and a compare.
 * Events go to a ring buffer; a failed reservation is counted in `lost`, never hidden.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "opens.h"

/* include/uapi/asm-generic/fcntl.h, the same on x86_64 and arm64 */
#define O_WRONLY 01
#define O_CREAT  0100
#define O_TRUNC  01000

/* openat2 is 437 on both (it came after the tables were unified) */
#define NR_openat2 437
/* arch/x86/entry/syscalls/syscall_64.tbl */
#define X86_64_NR_open    2
#define X86_64_NR_creat   85
#define X86_64_NR_openat  257
/* include/uapi/asm-generic/unistd.h (arm64 has neither open nor creat) */
#define ARM64_NR_openat  56

/* struct pt_regs offsets: arch/x86/include/asm/ptrace.h, arch/arm64/include/asm/ptrace.h */
#define X86_64_REGS_orig_ax 120
#define X86_64_REGS_di      112
#define X86_64_REGS_si      104
#define X86_64_REGS_dx      96
#define ARM64_REGS_x(n)     ((n) * 8)
#define ARM64_REGS_orig_x0  272
#define ARM64_REGS_syscallno 280

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct opens_config);
} config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

static __always_inline __u64 read_reg(const void *regs, __u32 offset)
{
	__u64 value = 0;
	bpf_probe_read_kernel(&value, sizeof(value), (const char *)regs + offset);
	return value;
}

static __always_inline int in_scope(const struct opens_config *cfg, __u32 tgid)
{
	switch (cfg->scope) {
	case OPENS_SCOPE_ALL:
		return tgid != cfg->exclude_tgid;
	case OPENS_SCOPE_TGID:
		return tgid == cfg->tgid;
	case OPENS_SCOPE_CGROUP:
		return bpf_get_current_ancestor_cgroup_id(cfg->cgroup_level) == cfg->cgroup_id;
	default:
		return 0;
	}
}

SEC("raw_tp/sys_exit")
int opens_exit(struct bpf_raw_tracepoint_args *ctx)
{
	const void *regs = (const void *)ctx->args[0];
	__u32 key = 0;
	const struct opens_config *cfg = bpf_map_lookup_elem(&config, &key);
	if (!cfg)
		return 0;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	if (!in_scope(cfg, pid_tgid >> 32))
		return 0;

	const char *path;
	__u64 flags;
	__u32 nr;
	if (cfg->arch == OPENS_ARCH_ARM64) {
		nr = (__u32)read_reg(regs, ARM64_REGS_syscallno);
		if (nr != ARM64_NR_openat && nr != NR_openat2)
			return 0;
		path = (const char *)read_reg(regs, ARM64_REGS_x(1));
		flags = read_reg(regs, ARM64_REGS_x(2));
	} else {
		nr = (__u32)read_reg(regs, X86_64_REGS_orig_ax);
		if (nr == X86_64_NR_open || nr == X86_64_NR_creat) {
			path = (const char *)read_reg(regs, X86_64_REGS_di);
			flags = nr == X86_64_NR_creat ? O_CREAT | O_WRONLY | O_TRUNC : read_reg(regs, X86_64_REGS_si);
		} else if (nr == X86_64_NR_openat || nr == NR_openat2) {
			path = (const char *)read_reg(regs, X86_64_REGS_si);
			flags = read_reg(regs, X86_64_REGS_dx);
		} else {
			return 0;
		}
	}
	/* openat2(dfd, path, struct open_how *how, size): flags is the first u64 of open_how */
	if (nr == NR_openat2 && (const void *)flags)
		bpf_probe_read_user(&flags, sizeof(flags), (const void *)flags);

	struct open_event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__u64 *count = bpf_map_lookup_elem(&lost, &key);
		if (count)
			*count += 1;
		return 0;
	}
	e->ts_ns = bpf_ktime_get_ns();
	e->pid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->ret = (__s64)ctx->args[1];
	e->flags = flags;
	e->nr = nr;
	e->path_len = bpf_probe_read_user_str(e->path, sizeof(e->path), path);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
