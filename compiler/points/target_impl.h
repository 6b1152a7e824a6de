/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_impl.h — what the parts of target variables' resolution share,
 * and nothing else includes: the state of the walk over one probe, and the
 * reads of each kind of row.
 *
 *   target.c       the walk over every probe's target expressions, the
 *                  rows that read alike, and what .return rows save at
 *                  the entry
 *   target_mark.c  $argN and $$name at the sites of .mark rows (usdt.h)
 *   target_func.c  $name, $p->a[2].b, $$parms and the like in .function
 *                  rows, from the function's DWARF (dwarfinfo.h)
 *   target_kernel.c  $name, $p->member and $$parms at kernel.trace rows,
 *                  from the kernel's BTF (kernel/kernel.h) */
#ifndef USCRIPT_TARGET_IMPL_H
#define USCRIPT_TARGET_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "parse/ast.h"
#include "probes.h"
#include "target.h"

struct tctx {
	struct attach_table *t;
	struct arena *arena;
	const struct probe *probe;
	int *rows;               /* the probe's uprobe rows */
	int nrows;
	bool *rows_vary;
	int errors;
	/* The entry values of the probe's .return rows, slot by slot: */
	struct saved { int row, slot; struct tv_num num; const struct loc *loc; } *saved;
	int nsaved, cap_saved;
	int slot_base, slot_next, nslots;   /* of the expression being read */
	const struct loc *expr_loc;
};

/* target.c: room for n ops in the arena, and a number read from a root */
struct tv_op *ops_new(struct tctx *c, int n);
void num_root(struct tv_num *n, enum tv_root root, int64_t value, int16_t reg);

/* How target expression e reads at `row`, a .mark row (target_mark.c) or a
 * .function row (target_func.c): 0, or -1 after an error at e. */
int mark_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
int func_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* The same at a kernel.trace row (target_kernel.c). */
int ktrace_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* $syscall, $argN and $return at process.syscall rows (target_kernel.c). */
int life_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);

#endif
