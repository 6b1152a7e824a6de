/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target.c — where each target expression's value is, at each row of its
 * probe: the walk over the probes' bodies, whether the rows read alike, and
 * what a .return row saves at the entry; see target.h, and target_impl.h
 * for the parts that read each kind of row. */
#include "target.h"

#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
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
	    a->nops != b->nops || a->debug_rel != b->debug_rel || a->lib_dyn != b->lib_dyn)
		return false;
	for (int i = 0; i < a->nops; i++) {
		const struct tv_op *x = &a->ops[i], *y = &b->ops[i];
		if (x->code != y->code || x->size != y->size || x->is_signed != y->is_signed ||
		    x->or_zero != y->or_zero || x->n != y->n || x->shift != y->shift ||
		    x->width != y->width || x->slot != y->slot)
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
	/* Outside the rows of a program (a function, a begin probe) only an
	 * @cast with a module gets here without an error: one read, at no
	 * row. */
	static const int no_row = -1;
	const int *rows = c->nrows ? c->rows : &no_row;
	int nrows = c->nrows ? c->nrows : 1;
	struct tv_read *reads = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*reads));
	struct tv_expr *tv = arena_alloc(c->arena, sizeof(*tv));
	tv->rows = rows;
	tv->nrows = nrows;
	tv->reads = reads;
	e->res = tv;
	c->slot_base = c->slot_next = c->nslots;
	c->expr_loc = &e->loc;
	for (int i = 0; i < nrows; i++) {
		int row = rows[i];
		int rc;
		c->slot_next = c->slot_base;
		if (row < 0 && (e->form != TARGET_CAST || !e->module)) {
			e->bad = true;
			return;
		}
		if (e->form == TARGET_ATVAR && !e->module && !strchr(e->name, '@') &&
		    !c->t->ctx[row].inlined) {
			/* SystemTap: @var("x") is another way to write $x */
			rc = c->t->ctx[row].mark ? mark_read(c, e, row, &reads[i]) :
						   func_read(c, e, row, &reads[i]);
		} else if (e->form != TARGET_DOLLAR)
			rc = at_read(c, e, row, &reads[i]);
		else if (c->t->ctx[row].mark)
			rc = mark_read(c, e, row, &reads[i]);
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

/* Whether e resolves at every row of the probe, its errors unsaid. */
static bool resolves(struct tctx *c, struct expr *e)
{
	if (e->bad)
		return false;
	int errors = c->errors, mark = diag_hush();
	walk_expr(c, e);
	bool ok = !diag_unhush(mark) && c->errors == errors && !e->bad;
	c->errors = errors;
	return ok;
}

/* e becomes what it folds to: a number, or one of its parts. */
static void become(struct expr *e, const struct expr *by)
{
	struct loc loc = e->loc;
	struct expr *next = e->next;
	enum type type = e->type;
	*e = *by;
	e->loc = loc;
	e->next = next;
	if (type != TYPE_UNKNOWN)
		e->type = type;
}

static void become_num(struct expr *e, int64_t n)
{
	struct expr num = { .kind = EXPR_NUM, .num = n, .type = TYPE_LONG };
	become(e, &num);
}

/* Whether e is a constant after folding, and its value: what @defined
 * left, and '!' of it. */
static bool constant(const struct expr *e, int64_t *v)
{
	if (e->kind == EXPR_NUM) {
		*v = e->num;
		return true;
	}
	if (e->kind == EXPR_UNARY && e->op == OP_NOT && constant(e->lhs, v)) {
		*v = !*v;
		return true;
	}
	return false;
}

/* @defined(x) is 1 where x resolves at this probe and 0 where it does
 * not, @choose_defined(a, b) is a where a resolves and b otherwise, as in
 * SystemTap; code they make dead is left out before its target
 * expressions are read, so that `if (@defined($x)) print($x)` compiles
 * where there is no $x.  A probe is one answer: x must resolve at every
 * row. */
static void walk_defined(struct tctx *c, struct expr *e)
{
	struct expr *a = e->args, *b = a->next;
	bool ok = resolves(c, a);
	if (!e->num) {
		become_num(e, ok);
		return;
	}
	if (!ok)
		walk_expr(c, b);
	become(e, ok ? a : b);
}

static void walk_expr(struct tctx *c, struct expr *e)
{
	if (!e)
		return;
	int64_t v;
	switch (e->kind) {
	case EXPR_DEFINED:
		walk_defined(c, e);
		return;
	case EXPR_TERNARY:
		walk_expr(c, e->cond);
		if (constant(e->cond, &v)) {
			struct expr *live = v ? e->lhs : e->rhs;
			walk_expr(c, live);
			become(e, live);
			return;
		}
		break;
	case EXPR_BINARY:
		if (e->op != OP_LAND && e->op != OP_LOR)
			break;
		walk_expr(c, e->lhs);
		if (constant(e->lhs, &v) && (e->op == OP_LAND ? !v : v)) {
			become_num(e, e->op == OP_LOR);
			return;
		}
		walk_expr(c, e->rhs);
		return;
	default:
		break;
	}
	if (e->kind == EXPR_TARGET) {
		walk_expr(c, e->lhs);
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
		int64_t v;
		if (s->kind == STMT_IF && constant(s->expr, &v)) {
			/* the dead branch is left out, the live one kept */
			struct stmt *live = v ? s->body : s->else_body;
			if (live) {
				walk_stmts(c, live);
				s->body = live;
			} else {
				s->body = arena_alloc(c->arena, sizeof(*s->body));
				s->body->kind = STMT_EMPTY;
				s->body->loc = s->loc;
			}
			become_num(s->expr, 1);
			s->else_body = NULL;
			continue;
		}
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

int targets_resolve(struct script *s, struct attach_table *t, bool *rows_vary)
{
	struct tctx c = { .t = t, .arena = t->arena, .rows_vary = rows_vary };
	/* The uprobe rows of probe N are rows[start[N]] to rows[start[N + 1]],
	 * sorted in one pass: a scan of every row for every probe made a
	 * script of 40,000 probes take minutes. */
	int *start = arena_alloc(t->arena, (size_t)(s->nprobes + 2) * sizeof(int));
	int *rows = arena_alloc(t->arena, (size_t)(t->n + 1) * sizeof(int));
	for (int i = 0; i < t->n; i++)
		if (t->rows[i].kind == ATTACH_UPROBE || t->rows[i].kind == ATTACH_URETPROBE)
			start[t->rows[i].probe + 2]++;
	for (int id = 0; id < s->nprobes; id++)
		start[id + 2] += start[id + 1];
	for (int i = 0; i < t->n; i++)
		if (t->rows[i].kind == ATTACH_UPROBE || t->rows[i].kind == ATTACH_URETPROBE)
			rows[start[t->rows[i].probe + 1]++] = i;
	for (struct probe *p = s->probes; p; p = p->next) {
		c.probe = p;
		c.rows = rows + start[p->id];
		c.nrows = start[p->id + 1] - start[p->id];
		/* Resolution reported target expressions in other probes. */
		c.nsaved = c.nslots = 0;
		/* Without rows (begin, end, timers) every target expression is
		 * an error already, and @defined of one is 0. */
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
	/* Functions: their @casts with a module, and @defined */
	c.probe = NULL;
	c.nrows = 0;
	for (struct func *f = s->funcs; f; f = f->next) {
		c.nsaved = c.nslots = 0;
		walk_stmts(&c, f->body);
	}
	return c.errors ? -1 : 0;
}

const struct tv_saves *target_saves(const struct attach_table *t, int id)
{
	return t->saves[id];
}
