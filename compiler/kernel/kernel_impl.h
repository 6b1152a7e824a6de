/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel_impl.h — what kbtf.c and tracepoints.c share, and nothing else
 * includes. */
#ifndef USCRIPT_KERNEL_IMPL_H
#define USCRIPT_KERNEL_IMPL_H

#include <bpf/btf.h>

#include "kernel.h"

struct kbtf {
	struct arena *arena;
	struct btf *btf;
	struct ktp *tps;         /* ktp_list's, once read */
	int ntps;
	bool listed;
	const char *no_tracefs;  /* why tracefs could not be read, or NULL */
};

/* The type id names once typedefs and qualifiers are looked through
 * (*id updated), or NULL for void. */
const struct btf_type *kbtf_skip(struct kbtf *k, uint32_t *id);

#endif
