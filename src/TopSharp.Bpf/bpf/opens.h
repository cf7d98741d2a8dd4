/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Layout shared by opens.bpf.c and TopSharp.Bpf/Opens (OpenEvent, OpensConfig mirror these). */
#ifndef TOPSHARP_OPENS_H
#define TOPSHARP_OPENS_H

#define OPENS_COMM_LEN 16
#define OPENS_PATH_MAX 256

/* opens_config.scope */
#define OPENS_SCOPE_OFF    0 /* attached but silent */
#define OPENS_SCOPE_ALL    1 /* every process except exclude_tgid (TopSharp itself) */
#define OPENS_SCOPE_TGID   2 /* only tgid */
#define OPENS_SCOPE_CGROUP 3 /* only tasks whose cgroup v2 ancestor at cgroup_level is cgroup_id */

/* opens_config.arch: which syscall numbers and struct pt_regs layout apply */
#define OPENS_ARCH_X86_64 0
#define OPENS_ARCH_ARM64  1

struct opens_config {
	__u32 scope;
	__u32 arch;
	__u32 tgid;
	__u32 exclude_tgid;
	__u64 cgroup_id;
	__u32 cgroup_level;
	__u32 pad;
};

/* One open(2)-family call, emitted at sys_exit. 312 bytes. */
struct open_event {
	__u64 ts_ns;    /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__u32 pid;      /* tgid */
	__u32 tid;
	__s64 ret;      /* fd, or -errno */
	__u64 flags;    /* O_* flags as passed (openat2: open_how.flags; creat: O_CREAT|O_WRONLY|O_TRUNC) */
	__u32 nr;       /* syscall number */
	__s32 path_len; /* bpf_probe_read_user_str() result: bytes incl. NUL, or -errno */
	char comm[OPENS_COMM_LEN]; /* thread name */
	char path[OPENS_PATH_MAX];
};

#endif
