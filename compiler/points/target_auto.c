/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_auto.c — autocast: "fh->fh_dentry->d_name" after a value that is
 * no target expression itself, read by the type that value has by DWARF,
 * as SystemTap reads it.  The type flows as the walk over a probe (or a
 * function) goes, in the order of the code:
 *   - a target expression's read records its result's type at each row
 *     (tv_expr.types: a pointer, an array's address, '&' of a member);
 *   - `x = v` gives the local x v's type at each row where v has one;
 *     two different types at one row are an error where x's members are
 *     read, as the reads would depend on which assignment ran last;
 *   - `return v` in a function gives calls of it v's type (functions are
 *     walked first, and have one row: none);
 *   - "(v)->m" itself has the type of its result, so chains go on.
 * The value is the expression's run-time index 0, as @cast's address is,
 * and its members are read with the same operations (dwi_access_ex). */
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "check/resolve.h"
#include "dwarf/dwarfinfo.h"
#include "kernel/kernel.h"
#include "target_impl.h"

/* A local of the code being walked, or a function's return value, and
 * its type per row of the walk (one row for a function). */
struct typed_value {
	const struct sym *sym;        /* a local */
	const struct func *func;      /* or a function's return */
	const struct dwi_type **types;
	bool *addrs;
	const struct loc **from;      /* where each type was assigned */
	/* A second type at a row: an error where the value's members are
	 * read, none where they are not. */
	const struct dwi_type **other;
	const struct loc **other_from;
	const char **untyped;         /* why an assigned value had no type */
};

static int rows_walked(const struct tctx *c)
{
	return c->nrows ? c->nrows : 1;
}

static struct typed_value *find(struct tctx *c, const struct sym *sym, const struct func *f)
{
	for (int i = 0; i < c->ntyped; i++)
		if ((sym && c->typed[i].sym == sym) || (f && c->typed[i].func == f))
			return &c->typed[i];
	return NULL;
}

static struct typed_value *find_or_add(struct tctx *c, const struct sym *sym,
				       const struct func *f, int nrows)
{
	struct typed_value *v = find(c, sym, f);
	if (v)
		return v;
	if (c->ntyped == c->cap_typed) {
		int cap = c->cap_typed ? c->cap_typed * 2 : 16;
		struct typed_value *n = arena_alloc(c->arena, (size_t)cap * sizeof(*n));
		if (c->ntyped)
			memcpy(n, c->typed, (size_t)c->ntyped * sizeof(*n));
		c->typed = n;
		c->cap_typed = cap;
	}
	v = &c->typed[c->ntyped++];
	memset(v, 0, sizeof(*v));
	v->sym = sym;
	v->func = f;
	v->types = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*v->types));
	v->addrs = arena_alloc(c->arena, (size_t)nrows + 1);
	v->from = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*v->from));
	v->other = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*v->other));
	v->other_from = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*v->other_from));
	v->untyped = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*v->untyped));
	return v;
}

void auto_new_scope(struct tctx *c)
{
	/* A function's return stays known to the code walked after it; the
	 * locals of the last probe or function go. */
	int keep = 0;
	for (int i = 0; i < c->ntyped; i++)
		if (c->typed[i].func)
			c->typed[keep++] = c->typed[i];
	c->ntyped = keep;
}

/* Autocast carries types as dwi_types; a kernel type (BTF) rides in a
 * box of its own, which says the BTF id, so that the walk's bookkeeping
 * (locals, returns, '?:') is one for both. */
struct kernel_box {
	struct dwi_type *type;
	uint32_t id;
};

const struct dwi_type *auto_kernel_type(struct tctx *c, uint32_t id)
{
	for (int i = 0; i < c->nkboxes; i++)
		if (c->kboxes[i].id == id)
			return c->kboxes[i].type;
	if (c->nkboxes == c->cap_kboxes) {
		int cap = c->cap_kboxes ? c->cap_kboxes * 2 : 16;
		struct kernel_box *n = arena_alloc(c->arena, (size_t)cap * sizeof(*n));
		if (c->nkboxes)
			memcpy(n, c->kboxes, (size_t)c->nkboxes * sizeof(*n));
		c->kboxes = n;
		c->cap_kboxes = cap;
	}
	struct dwi_type *t = arena_alloc(c->arena, sizeof(*t));
	memset(t, 0, sizeof(*t));
	t->kind = DWI_VOID;
	t->name = kbtf_type_name(c->t->kernel, id);
	c->kboxes[c->nkboxes++] = (struct kernel_box){ t, id };
	return t;
}

static bool kernel_type_id(const struct tctx *c, const struct dwi_type *t, uint32_t *id)
{
	for (int i = 0; i < c->nkboxes; i++)
		if (c->kboxes[i].type == t) {
			*id = c->kboxes[i].id;
			return true;
		}
	return false;
}

static const char *type_text(const struct dwi_type *t)
{
	return t->name ? t->name : "(unnamed)";
}

/* Why the value t holds at row i has no one type, or NULL. */
static const char *two_types(struct tctx *c, const struct typed_value *t, int i,
			     const char *what)
{
	if (!t->other[i])
		return NULL;
	return arena_printf(c->arena, "%s is given values of two types, %s at %d:%d "
			    "and %s at %d:%d, and autocast reads members by one", what,
			    type_text(t->types[i]), t->from[i]->line, t->from[i]->col,
			    type_text(t->other[i]), t->other_from[i]->line,
			    t->other_from[i]->col);
}

/* The type v has at the walk's row i, or NULL with *why saying why it
 * has none ("" when an error was reported at v already). */
static const struct dwi_type *value_type(struct tctx *c, const struct expr *v, int i,
					 bool *addr, const char **why)
{
	*why = NULL;
	switch (v->kind) {
	case EXPR_TARGET: {
		const struct tv_expr *tv = v->res;
		if (v->bad || !tv) {
			*why = "";
			return NULL;
		}
		if (!tv->types || i >= tv->nrows || !tv->types[i]) {
			*why = "the value it reads has no type by DWARF or BTF here";
			return NULL;
		}
		*addr = tv->addrs[i];
		return tv->types[i];
	}
	case EXPR_VAR: {
		if (v->sym && v->sym->kind == SYM_GLOBAL) {
			*why = arena_printf(c->arena, "'%s' is a global, and only locals and "
					    "functions' returns keep the type of what they hold",
					    v->name);
			return NULL;
		}
		if (v->sym && v->sym->kind == SYM_PARAM) {
			*why = arena_printf(c->arena, "'%s' is a parameter, and types do not follow "
					    "values into functions; name it with @cast(%s, \"type\", "
					    "\"module\")", v->name, v->name);
			return NULL;
		}
		const struct typed_value *t = v->sym ? find(c, v->sym, NULL) : NULL;
		if (t && !t->types[i] && t->untyped[i]) {
			*why = arena_printf(c->arena, "'%s' was assigned a value without one: %s",
					    v->name, t->untyped[i]);
			return NULL;
		}
		if (!t || !t->types[i]) {
			*why = arena_printf(c->arena, "'%s' was not assigned one before (a target "
					    "variable such as $p, an @cast, or a typed local or "
					    "function's return)", v->name);
			return NULL;
		}
		*why = two_types(c, t, i, arena_printf(c->arena, "'%s'", v->name));
		if (*why)
			return NULL;
		*addr = t->addrs[i];
		return t->types[i];
	}
	case EXPR_CALL: {
		const struct typed_value *t = v->func ? find(c, NULL, v->func) : NULL;
		if (!t || !t->types[0]) {
			*why = arena_printf(c->arena, "%s() returns no value with a type by DWARF%s",
					    v->name, v->func ? "" : " (it is a builtin)");
			return NULL;
		}
		*why = two_types(c, t, 0, arena_printf(c->arena, "%s()'s return", v->name));
		if (*why)
			return NULL;
		*addr = t->addrs[0];
		return t->types[0];
	}
	case EXPR_ASSIGN:
		if (v->op == OP_NONE)
			return value_type(c, v->rhs, i, addr, why);
		break;
	case EXPR_TERNARY: {
		/* c ? a : b, where a and b have one type */
		bool addr_b = false;
		const struct dwi_type *a = value_type(c, v->lhs, i, addr, why);
		const struct dwi_type *b = a ? value_type(c, v->rhs, i, &addr_b, why) : NULL;
		if (!a || !b)
			return NULL;
		if ((a == b || (a->name && b->name && strcmp(a->name, b->name) == 0)) &&
		    *addr == addr_b)
			return a;
		*why = arena_printf(c->arena, "the two values of '?:' are of different types, "
				    "%s and %s", type_text(a), type_text(b));
		return NULL;
	}
	default:
		break;
	}
	*why = "only target expressions, locals, function calls and their members carry one";
	return NULL;
}

static void record(struct typed_value *tv, int i, const struct dwi_type *type, bool addr,
		   const struct loc *at)
{
	const struct dwi_type *had = tv->types[i];
	if (had && (had != type || tv->addrs[i] != addr)) {
		if (had->name && type->name && strcmp(had->name, type->name) == 0 &&
		    tv->addrs[i] == addr)
			return;   /* the same type, from two compilation units */
		if (!tv->other[i]) {
			tv->other[i] = type;
			tv->other_from[i] = at;
		}
		return;
	}
	tv->types[i] = type;
	tv->addrs[i] = addr;
	tv->from[i] = at;
}

void auto_assign(struct tctx *c, const struct expr *assign)
{
	const struct expr *lhs = assign->lhs;
	if (assign->op != OP_NONE || lhs->kind != EXPR_VAR || !lhs->sym ||
	    lhs->sym->kind == SYM_GLOBAL)
		return;
	struct typed_value *tv = NULL;
	for (int i = 0; i < rows_walked(c); i++) {
		if (c->live && !c->live[i])
			continue;
		bool addr = false;
		const char *why;
		const struct dwi_type *type = value_type(c, assign->rhs, i, &addr, &why);
		if (!type && (!why || !*why || assign->rhs->kind != EXPR_TARGET))
			continue;
		if (!tv)
			tv = find_or_add(c, lhs->sym, NULL, rows_walked(c));
		if (!type) {
			tv->untyped[i] = why;
			continue;
		}
		record(tv, i, type, addr, &assign->rhs->loc);
	}
}

void auto_return(struct tctx *c, const struct expr *value)
{
	if (!c->func)
		return;
	bool addr = false;
	const char *why;
	const struct dwi_type *type = value_type(c, value, 0, &addr, &why);
	if (type)
		record(find_or_add(c, NULL, c->func, 1), 0, type, addr, &value->loc);
}

int auto_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	bool addr = false;
	const char *why;
	const struct dwi_type *type = value_type(c, e->lhs, c->row_i, &addr, &why);
	if (!type) {
		if (*why)
			diag_error(&e->lhs->loc, "autocast needs a typed value before '->': %s%s",
				   why, row < 0 ? "" : arena_printf(c->arena, " (at %s)",
								    c->t->rows[row].pp));
		return -1;
	}
	uint32_t kid;
	if (kernel_type_id(c, type, &kid))
		return kauto_read(c, e, row, kid, addr, r);
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	struct dwi_error err = { "" };
	if (dwi_access_ex(type, -1, addr, e->addr_of, comps, (size_t)nc, &acc, &err) != 0) {
		diag_error(&e->loc, "autocast of a value of type %s: %s", type_text(type),
			   err.msg);
		return -1;
	}
	/* v = the value: run-time index 0 */
	struct tv_num n;
	num_root(&n, TV_ROOT_CONST, 0, -1);
	struct tv_op *ops = ops_new(c, 1);
	ops[0] = (struct tv_op){ .code = TV_OP_INDEX, .slot = 0, .n = 1 };
	n.ops = ops;
	n.nops = 1;
	return at_finish(c, e, row, &acc, &n, 1, r);
}
