/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel_impl.h — what kbtf.c and tracepoints.c share, and nothing else
 * includes. */
#ifndef USCRIPT_KERNEL_IMPL_H
#define USCRIPT_KERNEL_IMPL_H

#include <bpf/btf.h>

#include "kernel.h"

#define TRACEFS "/sys/kernel/tracing"

struct kbtf {
	struct arena *arena;
	struct btf *btf;
	struct ktp *tps;         /* ktp_list's, once read */
	int ntps;
	bool listed;
	const char *no_tracefs;  /* why tracefs could not be read, or NULL */
	const char *no_views;    /* why there are no syscalls views, or NULL */
	bool mounted;            /* tracefs was mounted by us, for the views'
				  * format files: unmounted by kbtf_close */
	int verbose;
};

/* The x86-64 system call numbers of the kernel headers (syscall_nrs.c,
 * made at build time from <asm/unistd_64.h>). */
struct ksys_nr {
	const char *name;
	int nr;
};
extern const struct ksys_nr ksys_header_nrs[];
extern const int ksys_header_count;

/* tracefs at /sys/kernel/tracing, mounted if it is not (k->mounted then
 * set); NULL, or why it cannot be read. */
const char *ktp_tracefs(struct kbtf *k);
void ktp_tracefs_release(struct kbtf *k);

/* The type id names once typedefs and qualifiers are looked through
 * (*id updated), or NULL for void. */
const struct btf_type *kbtf_skip(struct kbtf *k, uint32_t *id);

#endif
