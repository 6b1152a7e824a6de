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
 *   target_at.c    @cast(p, "type")->x and @var("name") at any row */
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
	/* Per row (in rows' order): whether the code being walked runs there
	 * (NULL: everywhere), what @defined made dead at some rows; and while
	 * @defined tries an expression, where it resolves. */
	bool *live;
	bool *row_ok;
};

/* target.c: room for n ops in the arena, and a number read from a root */
struct tv_op *ops_new(struct tctx *c, int n);
void num_root(struct tv_num *n, enum tv_root root, int64_t value, int16_t reg);

/* How target expression e reads at `row`, a .mark row (target_mark.c) or a
 * .function row (target_func.c): 0, or -1 after an error at e. */
int mark_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
int func_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* @cast(...) and @var(...) at any row (target_at.c). */
int at_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);

/* target_func.c: a plan's pieces as a TV_PRETTY read, each piece's root
 * read by root_of (false: it cannot be, and prints "?") */
typedef bool (*pretty_root_fn)(struct tctx *c, int row, int root, const void *arg,
			       struct tv_num *n);
struct dwi_plan;
/* A pretty_root_fn for a plan of one root: arg is the tv_num it is. */
bool pretty_fixed_root(struct tctx *c, int row, int root, const void *arg, struct tv_num *n);
int pretty_pieces(struct tctx *c, struct expr *e, int row, const struct dwi_plan *pl,
		  pretty_root_fn root_of, const void *arg, struct tv_read *r);

/* target_header.c: a shared object whose DWARF has every type the
 * headers "<a.h><b.h>" declare, compiled into the cache if not there yet;
 * NULL with *why a sentence when that fails. */
const char *header_types(struct arena *a, const char *module, const char **why);

/* target_func.c, for target_at.c: ops appended to a number's; in a .return
 * row, n read at the entry instead (it becomes a saved slot) */
struct dwi_op;
struct dwi_comp;
/* The ->x, [2] and [i] after e's base, as dwi_access_ex() takes them. */
struct dwi_comp *target_comps(struct tctx *c, const struct expr *e, int *n);
void num_append_dwi(struct tctx *c, struct tv_num *n, const struct dwi_op *ops, int k);
void at_entry(struct tctx *c, int row, struct tv_num *n);

#endif
