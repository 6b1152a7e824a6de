/* target.c — where each target expression's value is, at each row of its
 * probe; see target.h. */
#include "target.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "probes.h"
#include "usdt.h"

struct tctx {
	struct attach_table *t;
	struct arena *arena;
	const struct probe *probe;
	int *rows;               /* the probe's uprobe rows */
	int nrows;
	bool *rows_vary;
	int errors;
};

/* ---- .mark rows ---- */

static int arg_number(const char *name)
{
	if (strncmp(name, "arg", 3) != 0 || !isdigit((unsigned char)name[3]))
		return 0;
	char *end;
	long n = strtol(name + 3, &end, 10);
	return *end || n < 1 || n > 1000 ? 0 : (int)n;
}

static struct tv_op *ops_new(struct tctx *c, int n)
{
	return arena_alloc(c->arena, (size_t)n * sizeof(struct tv_op));
}

/* $argN of a site: usdt.h says how each kind is read. */
static int usdt_num(struct tctx *c, const struct usdt_arg *a, struct tv_num *out)
{
	memset(out, 0, sizeof(*out));
	out->reg = out->index = -1;
	struct tv_op *op;
	switch (a->kind) {
	case USDT_ARG_CONST:
		out->root = TV_ROOT_CONST;
		out->value = a->value;
		return 0;
	case USDT_ARG_REG:
		out->root = TV_ROOT_REG;
		out->reg = a->reg.off;
		out->shift = a->reg.shift;
		op = ops_new(c, 1);
		op->code = TV_OP_EXTEND;
		op->size = a->size < a->reg.width ? a->size : a->reg.width;
		op->is_signed = a->is_signed;
		out->ops = op;
		out->nops = 1;
		return 0;
	case USDT_ARG_MEM:
		out->root = TV_ROOT_ADDR;
		out->value = a->disp;
		out->reg = a->base.off;
		out->index = a->index.off;
		out->scale = a->scale;
		op = ops_new(c, 1);
		op->code = TV_OP_LOAD;
		op->size = a->size;
		/* SystemTap reads a memory operand with user_int8() for both
		 * "1@" and "-1@", user_uint16/32 or user_int16/32 by the sign,
		 * and user_int64 for 8 bytes; each is 0 when the read faults. */
		op->is_signed = a->is_signed || a->size == 1;
		op->or_zero = true;
		out->ops = op;
		out->nops = 1;
		return 0;
	case USDT_ARG_UNSUPPORTED:
		break;
	}
	return -1;
}

static const char *mark_desc(struct tctx *c, int row)
{
	return c->t->rows[row].pp;
}

static int mark_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct usdt_probe *m = c->t->ctx[row].mark;
	const char *name = e->name;
	if (strcmp(name, "$name") == 0 || strcmp(name, "$provider") == 0) {
		r->kind = TV_STR;
		r->str = name[1] == 'n' ? m->name : m->provider;
		return 0;
	}
	if (strcmp(name, "$parms") == 0 || strcmp(name, "$vars") == 0) {
		if (e->pretty) {
			diag_error(&e->loc, "$%s%.*s needs the arguments' types, which USDT "
				   "probes do not record; $%s prints them in hex", name,
				   e->pretty, "$$", name);
			return -1;
		}
		char **texts = arena_alloc(c->arena, (m->nargs + 1) * sizeof(char *));
		struct tv_num *nums = arena_alloc(c->arena, (m->nargs + 1) * sizeof(*nums));
		for (size_t i = 0; i < m->nargs; i++) {
			texts[i] = arena_printf(c->arena, "%s$arg%zu=", i ? " " : "", i + 1);
			if (usdt_num(c, &m->argv[i], &nums[i]) < 0) {
				diag_error(&e->loc, "$%s: $arg%zu of %s cannot be read: %s "
					   "(its operand is '%s')", name, i + 1, mark_desc(c, row),
					   m->argv[i].why, m->argv[i].text);
				return -1;
			}
		}
		r->kind = TV_HEX_LIST;
		r->texts = (const char *const *)texts;
		r->nums = nums;
		r->n = (int)m->nargs;
		return 0;
	}
	int n = arg_number(name);
	if (!n || e->pretty) {
		diag_error(&e->loc, "no target variable $%s%.*s at %s: USDT probes have "
			   "$arg1 to $argN, $$name, $$provider and $$parms", name, e->pretty,
			   "$$", mark_desc(c, row));
		return -1;
	}
	if ((size_t)n > m->nargs) {
		if (m->nargs == 0)
			diag_error(&e->loc, "no $%s at %s: the probe has no arguments", name,
				   mark_desc(c, row));
		else
			diag_error(&e->loc, "no $%s at %s: the probe has %zu argument%s, %s",
				   name, mark_desc(c, row), m->nargs, m->nargs == 1 ? "" : "s",
				   m->nargs == 1 ? "$arg1" : m->nargs == 2 ? "$arg1 and $arg2" :
				   arena_printf(c->arena, "$arg1 to $arg%zu", m->nargs));
		return -1;
	}
	if (e->suffix) {
		diag_error(&e->suffix->loc, "$%s is a number: a USDT probe does not say the type "
			   "of its arguments, so it has no members or elements", name);
		return -1;
	}
	const struct usdt_arg *a = &m->argv[n - 1];
	if (usdt_num(c, a, &r->num) < 0) {
		diag_error(&e->loc, "$%s of %s cannot be read: %s (its operand is '%s')", name,
			   mark_desc(c, row), a->why, a->text);
		return -1;
	}
	r->kind = TV_NUM;
	return 0;
}

const char *target_listing(struct attach_table *t, int row)
{
	const struct usdt_probe *m = t->ctx[row].mark;
	if (!m)
		return "";
	const char *s = "";
	for (size_t i = 0; i < m->nargs; i++)
		s = arena_printf(t->arena, "%s $arg%zu:long", s, i + 1);
	return s;
}

/* ---- every row ---- */

static bool num_equal(const struct tv_num *a, const struct tv_num *b)
{
	if (a->root != b->root || a->value != b->value || a->reg != b->reg ||
	    a->index != b->index || a->shift != b->shift || a->scale != b->scale ||
	    a->nops != b->nops)
		return false;
	for (int i = 0; i < a->nops; i++) {
		const struct tv_op *x = &a->ops[i], *y = &b->ops[i];
		if (x->code != y->code || x->size != y->size || x->is_signed != y->is_signed ||
		    x->or_zero != y->or_zero || x->n != y->n)
			return false;
	}
	return true;
}

static bool read_equal(const struct tv_read *a, const struct tv_read *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TV_NUM:
		return num_equal(&a->num, &b->num);
	case TV_STR:
		return strcmp(a->str, b->str) == 0;
	case TV_HEX_LIST:
		if (a->n != b->n)
			return false;
		for (int i = 0; i < a->n; i++)
			if (strcmp(a->texts[i], b->texts[i]) != 0 ||
			    !num_equal(&a->nums[i], &b->nums[i]))
				return false;
		return true;
	}
	return false;
}

static void target_expr(struct tctx *c, struct expr *e)
{
	struct tv_read *reads = arena_alloc(c->arena, (size_t)(c->nrows + 1) * sizeof(*reads));
	struct tv_expr *tv = arena_alloc(c->arena, sizeof(*tv));
	tv->rows = c->rows;
	tv->nrows = c->nrows;
	tv->reads = reads;
	e->res = tv;
	for (int i = 0; i < c->nrows; i++) {
		int row = c->rows[i];
		int rc;
		if (c->t->ctx[row].mark) {
			rc = mark_read(c, e, row, &reads[i]);
		} else {
			diag_error(&e->loc, "target variables of .function and .statement probes "
				   "are not supported yet; int_arg(N), pointer_arg(N) and "
				   "returnval() read arguments and the return value");
			rc = -1;
		}
		if (rc < 0) {
			/* one error an expression: the first row that fails */
			c->errors++;
			e->bad = true;
			return;
		}
		if (i && !read_equal(&reads[i], &reads[0]))
			tv->varies = true;
	}
	if (tv->varies)
		c->rows_vary[c->probe->id] = true;
}

static void walk_expr(struct tctx *c, struct expr *e);

static void walk_list(struct tctx *c, struct expr *e)
{
	for (; e; e = e->next)
		walk_expr(c, e);
}

static void walk_expr(struct tctx *c, struct expr *e)
{
	if (!e)
		return;
	if (e->kind == EXPR_TARGET) {
		for (struct target_suffix *s = e->suffix; s; s = s->next)
			walk_expr(c, s->index);
		if (!e->bad)
			target_expr(c, e);
		return;
	}
	walk_list(c, e->args);
	walk_expr(c, e->lhs);
	walk_expr(c, e->rhs);
	walk_expr(c, e->cond);
}

static void walk_stmts(struct tctx *c, struct stmt *s)
{
	for (; s; s = s->next) {
		walk_expr(c, s->expr);
		walk_stmts(c, s->body);
		walk_stmts(c, s->else_body);
		walk_stmts(c, s->init);
		walk_stmts(c, s->step);
		if (s->foreach)
			walk_expr(c, s->foreach->limit);
	}
}

int targets_resolve(struct script *s, struct attach_table *t, bool *rows_vary)
{
	struct tctx c = { .t = t, .arena = t->arena, .rows_vary = rows_vary };
	for (struct probe *p = s->probes; p; p = p->next) {
		c.probe = p;
		c.rows = arena_alloc(t->arena, (size_t)(t->n + 1) * sizeof(int));
		c.nrows = 0;
		for (int i = 0; i < t->n; i++)
			if (t->rows[i].probe == p->id && (t->rows[i].kind == ATTACH_UPROBE ||
							  t->rows[i].kind == ATTACH_URETPROBE))
				c.rows[c.nrows++] = i;
		/* Resolution reported target expressions in other probes. */
		if (c.nrows)
			walk_stmts(&c, p->body);
	}
	return c.errors ? -1 : 0;
}
