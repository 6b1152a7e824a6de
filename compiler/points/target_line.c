/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_line.c — target variables at a row inside a function (a source
 * line of .statement("f@file.c:N"), a .label): the variables in scope at
 * its address (a label's, in the DIE it is in), read where DWARF's
 * location at that address puts them (dwarf/scope.c), not where the ABI
 * put the arguments at the entry.
 *
 * $name and $name->a[2].b read as at a function's entry once the root is
 * found.  $$vars, $$locals and $$parms, their $ and $$ forms, and $x$,
 * are the plans of dwarfinfo.h over the variables in scope: "name=?" for
 * one that cannot be read there. */
#include <string.h>

#include "binary/debugfile.h"
#include "parse/arena.h"
#include "parse/diag.h"
#include "dwarf/dwarfinfo.h"
#include "target_impl.h"

/* The offset in struct pt_regs of DWARF register reg (x86-64), or -1. */
static int regs_offset(int reg)
{
	static const int off[16] = {
		80, 96, 88, 40, 104, 112, 32, 152,   /* rax rdx rcx rbx rsi rdi rbp rsp */
		72, 64, 56, 48, 24, 16, 8, 0,        /* r8 … r15 */
	};
	return reg >= 0 && reg < 16 ? off[reg] : -1;
}

/* Where variable i of s is: n its value, or its address when *is_addr;
 * NULL, or why it cannot be read. */
static const char *line_root(const struct dwi_scope *s, size_t i, struct tv_num *n,
			     bool *is_addr)
{
	struct dwi_loc l = dwi_scope_loc(s, i);
	*is_addr = false;
	int regs = regs_offset(l.reg);
	switch (l.kind) {
	case DWI_LOC_CONST:
		num_root(n, TV_ROOT_CONST, l.value, -1);
		return NULL;
	case DWI_LOC_STATIC:
		/* its link-time address, moved as far as the code at rip */
		num_root(n, TV_ROOT_ADDR, (int64_t)(l.addr - s->pc), PT_REGS_IP);
		*is_addr = true;
		return NULL;
	case DWI_LOC_REG:
	case DWI_LOC_MEM:
		if (regs < 0)
			return "in a register that a uprobe's registers do not hold";
		num_root(n, l.kind == DWI_LOC_REG ? TV_ROOT_REG : TV_ROOT_ADDR,
			 l.kind == DWI_LOC_REG ? 0 : l.offset, (int16_t)regs);
		*is_addr = l.kind == DWI_LOC_MEM;
		return NULL;
	case DWI_LOC_NONE:
	default:
		return l.why ? l.why : "not available at this address";
	}
}

/* The index of e's variable in s, or s->n after an error at e that lists
 * those in scope. */
static size_t find_in_scope(struct tctx *c, const struct expr *e, int row,
			    const struct dwi_scope *s)
{
	const struct attach_point *a = &c->t->rows[row];
	for (size_t i = 0; i < s->n; i++)
		if (s->vars[i].name && strcmp(s->vars[i].name, e->name) == 0)
			return i;
	const char *list = "";
	for (size_t k = 0; k < s->n; k++)
		if (s->vars[k].name)
			list = arena_printf(c->arena, "%s%s%s", list, *list ? ", " : "",
					    s->vars[k].name);
	diag_error(&e->loc, "no variable $%s in scope at %s", e->name, a->pp);
	if (*list)
		diag_note(&a->loc, "the variables in scope there are: %s", list);
	return s->n;
}

/* A plan's root at a line: the variable of that index in the scope. */
static const char *scope_root(struct tctx *c, int row, const void *arg, int root,
			      struct tv_num *n, bool *is_addr)
{
	(void)c;
	(void)row;
	return line_root(arg, (size_t)root, n, is_addr);
}

/* $$vars, $$locals, $$parms and their $ and $$ forms, and $x$ and $x$$:
 * plans as at a function's entry (dwarfinfo.h), of the variables in
 * scope. */
static int plan_at_line(struct tctx *c, struct expr *e, int row, const struct dwi_scope *s,
			struct tv_read *r)
{
	int depth = e->pretty > 2 ? 2 : e->pretty;
	struct dwi_plan plan;
	if (e->suffix && (e->name[0] == '$' || e->pretty)) {
		diag_error(&e->suffix->loc, e->pretty ? "$%s%.*s with members or elements is "
			   "not supported yet; name the member before the '$', as in "
			   "$p->field$" : "$%s%.*s is a string: it has no members or elements",
			   e->name, e->pretty, "$$");
		return -1;
	}
	if (e->name[0] == '$') {
		enum dwi_plan_which which;
		if (strcmp(e->name, "$parms") == 0)
			which = DWI_PLAN_PARMS;
		else if (strcmp(e->name, "$locals") == 0)
			which = DWI_PLAN_LOCALS;
		else if (strcmp(e->name, "$vars") == 0)
			which = DWI_PLAN_VARS;
		else {
			diag_error(&e->loc, "no target variable $%s%.*s at %s: there are $$parms, "
				   "$$locals and $$vars", e->name, e->pretty, "$$",
				   c->t->rows[row].pp);
			return -1;
		}
		dwi_plan_scope(s, which, depth, &plan);
	} else {
		size_t i = find_in_scope(c, e, row, s);
		if (i == s->n)
			return -1;
		struct tv_num n;
		bool is_addr;
		const char *why = line_root(s, i, &n, &is_addr);
		if (dwi_plan_var(s->vars[i].type, (int)i, is_addr, why == NULL, depth, &plan) < 0) {
			diag_error(&e->loc, "$%s%.*s cannot be printed: its type is unknown",
				   e->name, e->pretty, "$$");
			return -1;
		}
	}
	struct plan_roots roots = { scope_root, s };
	return depth ? pretty_pieces(c, e, row, &plan, pretty_plan_root, &roots, r) :
		       plan_read(c, e, row, &plan, &roots, r);
}

int line_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	struct dwi *d = probes_dwarf(c->t, a->path);
	const struct dwi_scope *s = c->t->ctx[row].scope;
	if (!s && d)
		s = dwi_scope_at(d, c->t->ctx[row].vaddr);
	if (!d) {
		diag_error(&e->loc, "$%s%.*s needs debug information, and %s has none (%s)",
			   e->name, e->pretty, "$$", elf_path(c->t->ctx[row].file),
			   debugfile_hint());
		return -1;
	}
	if (!s) {
		diag_error(&e->loc, "the debug information of %s describes no function at %s, "
			   "so $%s%.*s cannot be found there", a->path, a->pp, e->name,
			   e->pretty, "$$");
		return -1;
	}
	if (strcmp(e->name, "return") == 0) {
		diag_error(&e->loc, "$return can only be read in .return probes");
		return -1;
	}
	if (e->pretty || e->name[0] == '$')
		return plan_at_line(c, e, row, s, r);
	size_t i = find_in_scope(c, e, row, s);
	if (i == s->n)
		return -1;
	struct tv_num n;
	bool is_addr;
	const char *why = line_root(s, i, &n, &is_addr);
	if (why) {
		diag_error(&e->loc, "$%s cannot be read at %s: it is %s", e->name, a->pp, why);
		return -1;
	}
	if (access_read(c, e, row, s->vars[i].type, &n, is_addr) < 0)
		return -1;
	r->kind = TV_NUM;
	r->num = n;
	return 0;
}
