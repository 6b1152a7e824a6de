/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target.c — where each target expression's value is, at each row of its
 * probe: the walk over the probes' bodies (and functions', for their
 * @casts with a module), whether the rows read alike, what a .return row
 * saves at the entry, and @defined, answered per row, with the code it
 * rules out at a row reading nothing there; see target.h, and
 * target_impl.h for the parts that read each kind of row. */
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
	tv->types = arena_alloc(c->arena, (size_t)(nrows + 1) * sizeof(*tv->types));
	tv->addrs = arena_alloc(c->arena, (size_t)nrows + 1);
	e->res = tv;
	c->slot_base = c->slot_next = c->nslots;
	c->expr_loc = &e->loc;
	bool *dead = arena_alloc(c->arena, (size_t)nrows + 1);
	int live_row = -1;
	for (int i = 0; i < nrows; i++) {
		int row = rows[i];
		int rc;
		c->slot_next = c->slot_base;
		c->got_type = NULL;
		c->kernel_type = 0;
		c->got_addr = false;
		c->row_i = i;
		if (c->live && !c->live[i]) {
			dead[i] = true;
			continue;
		}
		if (row < 0 && e->form != TARGET_AUTO && (e->form != TARGET_CAST || !e->module)) {
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
		else if (c->t->ctx[row].plt_name)
			rc = plt_read(c, e, row, &reads[i]);
		else if (c->t->ctx[row].ktp)
			rc = ktrace_read(c, e, row, &reads[i]);
		else if (c->t->ctx[row].life)
			rc = life_read(c, e, row, &reads[i]);
		else
			rc = func_read(c, e, row, &reads[i]);
		if (rc < 0 && c->row_ok) {
			/* @defined is trying it: not here */
			c->row_ok[i] = false;
			dead[i] = true;
			continue;
		}
		if (rc < 0) {
			/* one error an expression: the first row that fails */
			c->errors++;
			e->bad = true;
			return;
		}
		tv->types[i] = c->got_type ? c->got_type :
			       c->kernel_type ? auto_kernel_type(c, c->kernel_type) : NULL;
		tv->addrs[i] = c->got_addr;
		if (live_row < 0)
			live_row = i;
	}
	/* Where it does not run, it reads nothing, as what it reads where it
	 * runs: 0, "", no text */
	for (int i = 0; i < nrows; i++) {
		if (!dead[i])
			continue;
		struct tv_read *r = &reads[i];
		enum tv_kind kind = live_row >= 0 ? reads[live_row].kind :
				    e->pretty ? TV_PRETTY : e->type == TYPE_STRING ? TV_STR : TV_NUM;
		memset(r, 0, sizeof(*r));
		r->kind = kind;
		num_root(&r->num, TV_ROOT_CONST, 0, -1);
		r->str = "";
		if (kind == TV_PRETTY) {
			struct pretty_plan *plan = arena_alloc(c->arena, sizeof(*plan));
			plan->row = rows[i];
			r->plan = plan;
			r->size = 16;
		}
	}
	for (int i = 1; i < nrows; i++)
		tv->varies |= !read_equal(&reads[i], &reads[0]);
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

/* The rows walked: the probe's, or one for code at no row. */
static int walk_rows(const struct tctx *c)
{
	return c->nrows ? c->nrows : 1;
}

/* Where e resolves, per row, its errors unsaid. */
static bool *resolves(struct tctx *c, struct expr *e)
{
	int n = walk_rows(c);
	bool *ok = arena_alloc(c->arena, (size_t)n + 1), *outer = c->row_ok;
	for (int i = 0; i < n; i++)
		ok[i] = !e->bad;
	if (e->bad)
		return ok;
	int errors = c->errors, mark = diag_hush();
	c->row_ok = ok;
	walk_expr(c, e);
	c->row_ok = outer;
	bool failed = diag_unhush(mark) && c->errors != errors;
	c->errors = errors;
	for (int i = 0; i < n; i++)
		ok[i] = ok[i] && !failed && !e->bad;
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

/* e becomes 1 at the rows where `yes` and 0 at the others: a number if
 * that is the same at every row that runs it, else a read by row. */
static void become_rows(struct tctx *c, struct expr *e, const bool *yes)
{
	int n = walk_rows(c), seen = -1;
	bool same = true;
	for (int i = 0; i < n; i++) {
		if (c->live && !c->live[i])
			continue;
		if (seen >= 0 && yes[i] != yes[seen])
			same = false;
		seen = seen < 0 ? i : seen;
	}
	if (same) {
		become_num(e, seen >= 0 && yes[seen]);
		return;
	}
	struct tv_read *reads = arena_alloc(c->arena, (size_t)(n + 1) * sizeof(*reads));
	for (int i = 0; i < n; i++) {
		reads[i].kind = TV_NUM;
		num_root(&reads[i].num, TV_ROOT_CONST, yes[i], -1);
	}
	struct tv_expr *tv = arena_alloc(c->arena, sizeof(*tv));
	tv->rows = c->rows;
	tv->nrows = n;
	tv->reads = reads;
	tv->varies = true;
	c->rows_vary[c->probe->id] = true;
	struct expr by = { .kind = EXPR_TARGET, .name = "@defined", .type = TYPE_LONG,
			   .res = tv };
	become(e, &by);
}

/* Whether e is known per row after folding, and its value at each: a
 * number, what @defined left, and '!' of them.  v has a value per row. */
static bool row_values(const struct tctx *c, const struct expr *e, bool *v)
{
	int n = walk_rows(c);
	if (e->kind == EXPR_NUM) {
		for (int i = 0; i < n; i++)
			v[i] = e->num != 0;
		return true;
	}
	if (e->kind == EXPR_TARGET && e->name && strcmp(e->name, "@defined") == 0 && e->res &&
	    e->form == TARGET_DOLLAR) {
		const struct tv_expr *tv = e->res;
		for (int i = 0; i < n; i++)
			v[i] = tv->reads[i].num.value != 0;
		return true;
	}
	if (e->kind == EXPR_UNARY && e->op == OP_NOT && row_values(c, e->lhs, v)) {
		for (int i = 0; i < n; i++)
			v[i] = !v[i];
		return true;
	}
	return false;
}

/* Whether v is the same at every row that runs the code walked; *val is
 * that value. */
static bool uniform(const struct tctx *c, const bool *v, bool *val)
{
	int seen = -1;
	for (int i = 0; i < walk_rows(c); i++) {
		if (c->live && !c->live[i])
			continue;
		if (seen >= 0 && v[i] != v[seen])
			return false;
		seen = seen < 0 ? i : seen;
	}
	*val = seen >= 0 && v[seen];
	return true;
}

/* Walks e (a statement list when `stmts`) as code that runs only at the
 * rows where `when` says `want`. */
static void walk_stmts(struct tctx *c, struct stmt *s);

static void walk_where(struct tctx *c, void *code, bool stmts, const bool *when, bool want)
{
	int n = walk_rows(c);
	bool *outer = c->live, *live = arena_alloc(c->arena, (size_t)n + 1);
	for (int i = 0; i < n; i++)
		live[i] = (!outer || outer[i]) && when[i] == want;
	c->live = live;
	if (stmts)
		walk_stmts(c, code);
	else
		walk_expr(c, code);
	c->live = outer;
}

/* @defined(x) is 1 where x resolves and 0 where it does not, at each row
 * of the probe, @choose_defined(a, b) is a where a resolves and b where it
 * does not, as in SystemTap; the code they rule out at a row reads
 * nothing there, so that `if (@defined($x)) print($x)` compiles where
 * some rows have no $x.  Where the answer is the same at every row, they
 * fold to it, and dead code goes. */
static void walk_defined(struct tctx *c, struct expr *e)
{
	struct expr *a = e->args, *b = a->next;
	bool *ok = resolves(c, a);
	if (!e->num) {
		become_rows(c, e, ok);
		return;
	}
	struct expr *cond = arena_alloc(c->arena, sizeof(*cond));
	*cond = *e;
	cond->next = NULL;
	become_rows(c, cond, ok);
	int64_t v;
	if (cond->kind == EXPR_NUM) {
		v = cond->num;
		walk_expr(c, v ? a : b);
		become(e, v ? a : b);
		return;
	}
	/* a where it resolves, b elsewhere: cond ? a : b */
	walk_where(c, a, false, ok, true);
	walk_where(c, b, false, ok, false);
	e->kind = EXPR_TERNARY;
	e->cond = cond;
	e->lhs = a;
	e->rhs = b;
	e->args = NULL;
	a->next = NULL;
}

static void walk_expr(struct tctx *c, struct expr *e)
{
	if (!e)
		return;
	bool *v = arena_alloc(c->arena, (size_t)walk_rows(c) + 1), val;
	switch (e->kind) {
	case EXPR_DEFINED:
		walk_defined(c, e);
		return;
	case EXPR_TERNARY:
		walk_expr(c, e->cond);
		if (!row_values(c, e->cond, v))
			break;
		if (uniform(c, v, &val)) {
			struct expr *live = val ? e->lhs : e->rhs;
			walk_expr(c, live);
			become(e, live);
		} else {
			walk_where(c, e->lhs, false, v, true);
			walk_where(c, e->rhs, false, v, false);
		}
		return;
	case EXPR_BINARY:
		if (e->op != OP_LAND && e->op != OP_LOR)
			break;
		walk_expr(c, e->lhs);
		if (!row_values(c, e->lhs, v)) {
			walk_expr(c, e->rhs);
			return;
		}
		/* && needs its right side where the left is true, || where false */
		bool need = e->op == OP_LAND;
		if (uniform(c, v, &val) && val != need)
			become_num(e, !need);
		else
			walk_where(c, e->rhs, false, v, need);
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
	if (e->kind == EXPR_ASSIGN)
		auto_assign(c, e);
}

static void walk_stmts(struct tctx *c, struct stmt *s)
{
	for (; s; s = s->next) {
		walk_expr(c, s->expr);
		if (s->kind == STMT_RETURN && s->expr)
			auto_return(c, s->expr);
		bool *v = arena_alloc(c->arena, (size_t)walk_rows(c) + 1), val;
		if (s->kind == STMT_IF && row_values(c, s->expr, v) && uniform(c, v, &val)) {
			/* the dead branch is left out, the live one kept */
			struct stmt *live = val ? s->body : s->else_body;
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
		if (s->kind == STMT_IF && row_values(c, s->expr, v)) {
			/* each branch reads nothing at the rows where it does not run */
			walk_where(c, s->body, true, v, true);
			if (s->else_body)
				walk_where(c, s->else_body, true, v, false);
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
	/* Functions first: their @casts with a module, @defined, and what
	 * they return by type, for autocast in the probes that call them.
	 * A function that calls one defined after it sees no type from it. */
	for (struct func *f = s->funcs; f; f = f->next) {
		c.nsaved = c.nslots = 0;
		c.func = f;
		auto_new_scope(&c);
		walk_stmts(&c, f->body);
	}
	c.func = NULL;
	for (struct probe *p = s->probes; p; p = p->next) {
		c.probe = p;
		auto_new_scope(&c);
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
	return c.errors ? -1 : 0;
}

const struct tv_saves *target_saves(const struct attach_table *t, int id)
{
	return t->saves[id];
}
