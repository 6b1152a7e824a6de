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
 *   target_at.c    @cast(p, "type")->x and @var("name") at any row
 *   target_line.c  the same at source lines and labels, from DWARF's
 *                  locations at the address
 *   target_plt.c   $$name at PLT entries
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
	/* Per row (in rows' order): whether the code being walked runs there
	 * (NULL: everywhere), what @defined made dead at some rows; and while
	 * @defined tries an expression, where it resolves. */
	bool *live;
	bool *row_ok;
	/* Autocast (target_auto.c): the type by DWARF of the value the last
	 * read gave, NULL when it has none, and whether that value is where
	 * such a value is (an array, '&') rather than the value; the place in
	 * rows of the row being read; the locals that hold typed values, per
	 * row, in the code walked so far; and the functions that return one,
	 * with the function being walked. */
	const struct dwi_type *got_type;
	bool got_addr;
	/* The same by the kernel's BTF: the value's type id, 0 when it has
	 * none (kernel.trace's arguments, @cast of the kernel's types). */
	uint32_t kernel_type;
	struct kernel_box *kboxes;
	int nkboxes, cap_kboxes;
	int row_i;
	struct typed_value *typed;
	int ntyped, cap_typed;
	struct func *func;
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
/* target_at.c, for target_auto.c: n followed by the access acc, whose
 * run-time indexes come slot_shift after n's, as read r. */
struct dwi_access;
int at_finish(struct tctx *c, struct expr *e, int row, const struct dwi_access *acc,
	      struct tv_num *n, int slot_shift, struct tv_read *r);
/* Autocast, "v->member" (target_auto.c): the read at a row; what a
 * plain assignment to a local or a function's `return` leaves the local
 * or function holding, by type, after the walk went over its value; and
 * the start of a new probe or function, whose locals are its own. */
int auto_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
void auto_assign(struct tctx *c, const struct expr *assign);
void auto_return(struct tctx *c, const struct expr *value);
void auto_new_scope(struct tctx *c);

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
/* At a .plt row: $$name (target_plt.c). */
int plt_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* At a row inside a function (a source line, a label): target_line.c. */
int line_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* $v->a[2].b from v's root n (its value, or its address when is_addr),
 * with e's members and indexes applied: 0, or -1 after an error at e
 * (target_func.c). */
struct dwi_type;
int access_read(struct tctx *c, struct expr *e, int row, const struct dwi_type *type,
		struct tv_num *n, bool is_addr);
/* Where a plan's root (dwarfinfo.h) is at a row: n its value, or its
 * address when *is_addr; NULL, or why it cannot be read there. */
struct plan_roots {
	const char *(*find)(struct tctx *c, int row, const void *arg, int root,
			    struct tv_num *n, bool *is_addr);
	const void *arg;
};
struct dwi_plan;
/* A plan as a hex list ($$parms, $$vars...), or as the pieces the
 * runtime pretty-prints ($x$, $$vars$...): 0, or -1 after an error at e
 * (target_func.c). */
int plan_read(struct tctx *c, struct expr *e, int row, const struct dwi_plan *plan,
	      const struct plan_roots *roots, struct tv_read *r);
/* A pretty_root_fn over plan_roots (arg), for pretty_pieces(). */
bool pretty_plan_root(struct tctx *c, int row, int root, const void *arg, struct tv_num *n);
/* The same at a kernel.trace row (target_kernel.c). */
int ktrace_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);
/* @cast(p, "type", "kernel"): from the kernel's BTF (target_kernel.c);
 * text is the expression as written, for messages; row -1 outside any
 * probe's rows.  kernel_module: whether a module string names the kernel
 * ("kernel", "kernel<linux/sched.h>"). */
int kcast_read(struct tctx *c, struct expr *e, int row, const char *text,
	       struct tv_read *r);
bool kernel_module(const char *module);
/* Autocast of a value the kernel's BTF types as id (its address when
 * addr): target_kernel.c. */
int kauto_read(struct tctx *c, struct expr *e, int row, uint32_t id, bool addr,
	       struct tv_read *r);
/* The stand-in autocast carries for a kernel type (target_auto.c): a
 * dwi_type named as the kernel names it, one per BTF id. */
const struct dwi_type *auto_kernel_type(struct tctx *c, uint32_t id);
/* $syscall, $argN and $return at process.syscall rows (target_kernel.c). */
int life_read(struct tctx *c, struct expr *e, int row, struct tv_read *r);

#endif
