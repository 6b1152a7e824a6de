/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target.c — where each target expression's value is, at each row of its
 * probe: the walk over the probes' bodies, whether the rows read alike, and
 * what a .return row saves at the entry; see target.h, and target_impl.h
 * for the parts that read each kind of row. */
#include "target.h"

#include <string.h>

#include "parse/arena.h"
#include "dwarf/dwarfinfo.h"
#include "probes.h"
#include "binary/usdt.h"
#include "target_impl.h"

struct tv_op *ops_new(struct tctx *c, int n)
{
	return arena_alloc(c->arena, (size_t)n * sizeof(struct tv_op));
}

void num_root(struct tv_num *n, enum tv_root root, int64_t value, int16_t reg)
{
	memset(n, 0, sizeof(*n));
	n->root = root;
	n->value = value;
	n->reg = reg;
	n->index = -1;
}

const char *target_listing(struct attach_table *t, int row)
{
	const struct usdt_probe *m = t->ctx[row].mark;
	const struct row_ctx *x = &t->ctx[row];
	if (x->listing)
		return x->listing;
	if (!m && x->file) {
		struct dwi *d = probes_dwarf(t, t->rows[row].path);
		const struct dwi_func *f = d ? dwi_func_at(d, x->vaddr) : NULL;
		return f ? dwi_func_listing(f, t->rows[row].kind == ATTACH_URETPROBE) : "";
	}
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
		    x->or_zero != y->or_zero || x->n != y->n || x->shift != y->shift ||
		    x->width != y->width || x->slot != y->slot || x->kernel != y->kernel)
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
	case TV_PRETTY:
		return false;
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
	c->slot_base = c->slot_next = c->nslots;
	c->expr_loc = &e->loc;
	for (int i = 0; i < c->nrows; i++) {
		int row = c->rows[i];
		int rc;
		c->slot_next = c->slot_base;
		if (c->t->ctx[row].mark)
			rc = mark_read(c, e, row, &reads[i]);
		else if (c->t->ctx[row].ktp)
			rc = ktrace_read(c, e, row, &reads[i]);
		else if (c->t->ctx[row].life)
			rc = life_read(c, e, row, &reads[i]);
		else
			rc = func_read(c, e, row, &reads[i]);
		if (rc < 0) {
			/* one error an expression: the first row that fails */
			c->errors++;
			e->bad = true;
			return;
		}
		if (i && !read_equal(&reads[i], &reads[0]))
			tv->varies = true;
	}
	if (reads[0].kind == TV_PRETTY) {
		struct pretty_arg *pa = arena_alloc(c->arena, sizeof(*pa));
		struct pretty_plan *plans = arena_alloc(c->arena,
							(size_t)(c->nrows + 1) * sizeof(*plans));
		for (int i = 0; i < c->nrows; i++) {
			plans[i] = *reads[i].plan;
			if (reads[i].size > pa->size)
				pa->size = reads[i].size;
		}
		pa->plans = plans;
		pa->nplans = c->nrows;
		tv->pretty = pa;
		/* the runtime needs the row to choose the plan */
		tv->varies = c->nrows > 1;
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

/* The probe's entry program: a row for each .return row, and what it
 * saves. */
static void add_saves(struct tctx *c, const struct probe *p)
{
	struct tv_saves *sv = arena_alloc(c->arena, sizeof(*sv));
	int *rows = arena_alloc(c->arena, (size_t)(c->nrows + 1) * sizeof(int));
	const struct tv_num **reads = arena_alloc(c->arena, (size_t)(c->nrows + 1) * sizeof(*reads));
	const struct loc **locs = arena_alloc(c->arena, (size_t)(c->nslots + 1) * sizeof(*locs));
	sv->nslots = c->nslots;
	for (int i = 0; i < c->nrows; i++) {
		int row = c->rows[i];
		if (c->t->rows[row].kind != ATTACH_URETPROBE)
			continue;
		struct tv_num *slots = arena_alloc(c->arena, (size_t)(c->nslots + 1) * sizeof(*slots));
		for (int k = 0; k < c->nslots; k++)
			num_root(&slots[k], TV_ROOT_CONST, 0, -1);
		for (int k = 0; k < c->nsaved; k++)
			if (c->saved[k].row == row) {
				slots[c->saved[k].slot] = c->saved[k].num;
				locs[c->saved[k].slot] = c->saved[k].loc;
			}
		rows[sv->nrows] = row;
		reads[sv->nrows++] = slots;
	}
	sv->rows = rows;
	sv->reads = reads;
	sv->locs = locs;
	c->t->saves[p->id] = sv;
	/* The entry program's rows: at each .return row's function, with
	 * that row's index as cookie.  attach_add may move the rows. */
	for (int i = 0; i < sv->nrows; i++) {
		const struct attach_point ret = c->t->rows[rows[i]];
		struct attach_point *a = attach_add(c->t, p, p->points, ATTACH_UPROBE);
		a->path = ret.path;
		a->offset = ret.offset;
		a->pid_filter = ret.pid_filter;
		a->pid = ret.pid;
		a->pp = ret.pp;
		a->func = ret.func;
		a->loc = ret.loc;
		a->cookie_of = rows[i] + 1;
	}
}

/* Whether a row's handler has target variables to read. */
static bool reads_targets(const struct attach_point *a)
{
	return a->kind == ATTACH_UPROBE || a->kind == ATTACH_URETPROBE ||
	       a->kind == ATTACH_RAW_TP;
}

int targets_resolve(struct script *s, struct attach_table *t, bool *rows_vary)
{
	struct tctx c = { .t = t, .arena = t->arena, .rows_vary = rows_vary };
	/* The uprobe rows of probe N are rows[start[N]] to rows[start[N + 1]],
	 * sorted in one pass: a scan of every row for every probe made a
	 * script of 40,000 probes take minutes. */
	int *start = arena_alloc(t->arena, (size_t)(s->nprobes + 2) * sizeof(int));
	int *rows = arena_alloc(t->arena, (size_t)(t->n + 1) * sizeof(int));
	for (int i = 0; i < t->n; i++)
		if (reads_targets(&t->rows[i]))
			start[t->rows[i].probe + 2]++;
	for (int id = 0; id < s->nprobes; id++)
		start[id + 2] += start[id + 1];
	for (int i = 0; i < t->n; i++)
		if (reads_targets(&t->rows[i]))
			rows[start[t->rows[i].probe + 1]++] = i;
	for (struct probe *p = s->probes; p; p = p->next) {
		c.probe = p;
		c.rows = rows + start[p->id];
		c.nrows = start[p->id + 1] - start[p->id];
		/* Resolution reported target expressions in other probes. */
		c.nsaved = c.nslots = 0;
		if (c.nrows)
			walk_stmts(&c, p->body);
		/* Every probe with .return rows has an entry program: it saves
		 * what they read at the entry, if anything, and counts the
		 * returns the kernel will not report (codegen/returns.c). */
		bool returns = false;
		for (int i = 0; i < c.nrows; i++)
			returns |= t->rows[c.rows[i]].kind == ATTACH_URETPROBE;
		if ((c.nsaved || returns) && !c.errors)
			add_saves(&c, p);
	}
	return c.errors ? -1 : 0;
}

const struct tv_saves *target_saves(const struct attach_table *t, int id)
{
	return t->saves[id];
}
