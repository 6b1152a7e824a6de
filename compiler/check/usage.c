/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usage.c — what the whole script tells about its functions and globals:
 * which functions recurse, and which globals are
 * read, written and used (SystemTap prints some of them at the end). */
#include "usage.h"

#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"

/* Which functions can call themselves, directly or through others; code
 * generation makes bounded copies of those (MAXNESTING). */
struct call_walk {
	struct script *script;
	const struct func *from;  /* the function whose cycle is looked for */
	char *seen;               /* per function: its body was walked */
};

int usage_func_index(const struct script *s, const struct func *f)
{
	int i = 0;
	for (const struct func *g = s->funcs; g; g = g->next, i++)
		if (g == f)
			return i;
	return -1;
}

static bool calls_in_stmt(struct call_walk *w, const struct stmt *s);

static bool calls_in_expr(struct call_walk *w, const struct expr *e)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->func) {
		if (e->func == w->from)
			return true;
		int i = usage_func_index(w->script, e->func);
		if (!w->seen[i]) {
			w->seen[i] = 1;
			if (calls_in_stmt(w, e->func->body))
				return true;
		}
	}
	for (const struct expr *a = e->args; a; a = a->next)
		if (calls_in_expr(w, a))
			return true;
	return calls_in_expr(w, e->lhs) || calls_in_expr(w, e->rhs) || calls_in_expr(w, e->cond);
}

static bool calls_in_stmt(struct call_walk *w, const struct stmt *s)
{
	for (; s; s = s->next) {
		if (calls_in_expr(w, s->expr) || calls_in_stmt(w, s->body) ||
		    calls_in_stmt(w, s->else_body) || calls_in_stmt(w, s->init) ||
		    calls_in_stmt(w, s->step) || (s->foreach && calls_in_expr(w, s->foreach->limit)))
			return true;
	}
	return false;
}

void usage_mark_recursion(struct script *s, const struct resolved *r)
{
	if (!r->nfuncs)
		return;
	struct call_walk w = { .script = s, .seen = arena_alloc(s->arena, (size_t)r->nfuncs) };
	for (struct func *f = s->funcs; f; f = f->next) {
		memset(w.seen, 0, (size_t)r->nfuncs);
		w.from = f;
		f->recursive = calls_in_stmt(&w, f->body);
	}
}

/* Which globals are read, written and used, by SystemTap's rule for
 * printing globals at the end: a global is printed when the script writes
 * it and does not both read it and use the value.  `consumed` says that the
 * value of the expression is used: a lone `n++` or `n += 2` reads n without
 * using it, while `if (n++)` or `x = n++` uses it.  Function bodies count
 * through their calls, once each, and initialisers are not writes. */
struct use_walk {
	const struct script *script;
	char *seen;              /* per function: its body was walked */
};

static void use_stmt(struct use_walk *w, struct stmt *s);

static void use_expr(struct use_walk *w, struct expr *e, bool consumed)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_VAR:
	case EXPR_INDEX:
	case EXPR_IN:
		if (e->sym)
			e->sym->read = e->sym->used = true;
		for (struct expr *k = e->args; k; k = k->next)
			use_expr(w, k, true);
		return;
	case EXPR_ASSIGN:
	case EXPR_INCDEC:
	case EXPR_STAT_ADD: {
		struct expr *t = e->lhs;
		bool pure = e->kind == EXPR_STAT_ADD || (e->kind == EXPR_ASSIGN && e->op == OP_NONE);
		if (pure)
			consumed = true;
		if (t->sym && (t->kind == EXPR_VAR || t->kind == EXPR_INDEX)) {
			t->sym->written = true;
			if (!pure) {
				t->sym->read = true;
				if (consumed)
					t->sym->used = true;
			}
			for (struct expr *k = t->args; k; k = k->next)
				use_expr(w, k, true);
		} else {
			use_expr(w, t, consumed);
		}
		use_expr(w, e->rhs, consumed);
		return;
	}
	case EXPR_TERNARY:
		use_expr(w, e->cond, true);
		use_expr(w, e->lhs, true);
		use_expr(w, e->rhs, true);
		return;
	case EXPR_CALL:
		for (struct expr *a = e->args; a; a = a->next)
			use_expr(w, a, true);
		if (e->func) {
			int i = usage_func_index(w->script, e->func);
			if (!w->seen[i]) {
				w->seen[i] = 1;
				use_stmt(w, e->func->body);
			}
		}
		return;
	default:
		for (struct expr *a = e->args; a; a = a->next)
			use_expr(w, a, consumed);
		use_expr(w, e->lhs, consumed);
		use_expr(w, e->rhs, consumed);
		use_expr(w, e->cond, consumed);
		return;
	}
}

static void use_stmt(struct use_walk *w, struct stmt *s)
{
	for (; s; s = s->next) {
		switch (s->kind) {
		case STMT_IF:
		case STMT_WHILE:
		case STMT_FOR:
		case STMT_RETURN:
			use_expr(w, s->expr, true);
			break;
		default:
			use_expr(w, s->expr, false);
			break;
		}
		use_stmt(w, s->init);
		use_stmt(w, s->step);
		use_stmt(w, s->body);
		use_stmt(w, s->else_body);
		if (s->foreach) {
			if (s->foreach->array_sym)
				s->foreach->array_sym->read = s->foreach->array_sym->used = true;
			use_expr(w, s->foreach->limit, true);
			use_expr(w, s->foreach->hist, true);
		}
	}
}

void usage_mark(struct script *s, const struct resolved *r)
{
	struct use_walk w = { s, arena_alloc(s->arena, (size_t)r->nfuncs + 1) };
	for (int i = 0; i < s->nprobes; i++)
		use_stmt(&w, r->probes[i].probe->body);
}

/* SystemTap refuses to write an element of an array inside a foreach over
 * that array (or to call a function that does): the loop could not be
 * sure to see each element once.  Deleting an element counts; deleting the
 * whole array does not. */
struct mutation_walk {
	const struct script *script;
	const struct resolved *r;
	struct sym **iterated;   /* the arrays of the enclosing foreach loops */
	int depth, cap;
	char *visiting;          /* per function: its writes are gathered */
	struct sym ***writes;    /* per function: the arrays it writes, NULL-ended */
};

static void add_write(struct sym ***set, struct arena *a, struct sym *s)
{
	int n = 0;
	for (; *set && (*set)[n]; n++)
		if ((*set)[n] == s)
			return;
	struct sym **grown = arena_alloc(a, (size_t)(n + 2) * sizeof(*grown));
	for (int i = 0; i < n; i++)
		grown[i] = (*set)[i];
	grown[n] = s;
	*set = grown;
}

/* The arrays an expression or statement writes, into `set`. */
static void writes_of_expr(struct mutation_walk *w, const struct expr *e, struct sym ***set);

static void writes_of_stmt(struct mutation_walk *w, const struct stmt *s, struct sym ***set)
{
	for (; s; s = s->next) {
		if (s->kind == STMT_DELETE && s->expr && s->expr->kind == EXPR_INDEX && s->expr->sym)
			add_write(set, w->script->arena, s->expr->sym);
		writes_of_expr(w, s->expr, set);
		writes_of_stmt(w, s->body, set);
		writes_of_stmt(w, s->else_body, set);
		writes_of_stmt(w, s->init, set);
		writes_of_stmt(w, s->step, set);
	}
}

static void writes_of_expr(struct mutation_walk *w, const struct expr *e, struct sym ***set)
{
	if (!e)
		return;
	bool writes = e->kind == EXPR_ASSIGN || e->kind == EXPR_INCDEC || e->kind == EXPR_STAT_ADD;
	if (writes && e->lhs && e->lhs->kind == EXPR_INDEX && e->lhs->sym)
		add_write(set, w->script->arena, e->lhs->sym);
	/* A function's own writes only, not those of functions it calls:
	 * SystemTap's check looks no deeper, and a script it accepts must
	 * run here too. */
	for (const struct expr *a = e->args; a; a = a->next)
		writes_of_expr(w, a, set);
	writes_of_expr(w, e->lhs, set);
	writes_of_expr(w, e->rhs, set);
	writes_of_expr(w, e->cond, set);
}

static void gather_writes(struct mutation_walk *w, const struct func *f)
{
	int i = usage_func_index(w->script, f);
	if (w->visiting[i])
		return;
	w->visiting[i] = 1;
	writes_of_stmt(w, f->body, &w->writes[i]);
}

static struct sym *iterated(const struct mutation_walk *w, const struct sym *s)
{
	for (int i = 0; i < w->depth; i++)
		if (w->iterated[i] == s)
			return w->iterated[i];
	return NULL;
}

static void check_expr(struct mutation_walk *w, const struct expr *e);

static void check_target(struct mutation_walk *w, const struct expr *t)
{
	if (t && t->kind == EXPR_INDEX && t->sym && iterated(w, t->sym))
		diag_error(&t->loc, "variable '%s' modified during 'foreach' iteration",
			   t->sym->name);
}

static void check_expr(struct mutation_walk *w, const struct expr *e)
{
	if (!e)
		return;
	if (e->kind == EXPR_ASSIGN || e->kind == EXPR_INCDEC || e->kind == EXPR_STAT_ADD)
		check_target(w, e->lhs);
	if (e->kind == EXPR_CALL && e->func && w->depth) {
		int i = usage_func_index(w->script, e->func);
		gather_writes(w, e->func);
		for (int k = 0; w->writes[i] && w->writes[i][k]; k++)
			if (iterated(w, w->writes[i][k]))
				diag_error(&e->loc, "function call modifies var '%s' during 'foreach' "
					   "iteration", w->writes[i][k]->name);
	}
	for (const struct expr *a = e->args; a; a = a->next)
		check_expr(w, a);
	check_expr(w, e->lhs);
	check_expr(w, e->rhs);
	check_expr(w, e->cond);
}

static void check_stmt(struct mutation_walk *w, const struct stmt *s)
{
	for (; s; s = s->next) {
		if (s->kind == STMT_DELETE)
			check_target(w, s->expr);
		check_expr(w, s->expr);
		check_stmt(w, s->init);
		check_stmt(w, s->step);
		check_stmt(w, s->else_body);
		if (s->kind == STMT_FOREACH && s->foreach->array_sym && !s->foreach->deletes_own) {
			check_expr(w, s->foreach->limit);
			if (w->depth == w->cap) {
				w->cap = w->cap ? 2 * w->cap : 8;
				struct sym **g = arena_alloc(w->script->arena,
							     (size_t)w->cap * sizeof(*g));
				for (int i = 0; i < w->depth; i++)
					g[i] = w->iterated[i];
				w->iterated = g;
			}
			w->iterated[w->depth++] = s->foreach->array_sym;
			check_stmt(w, s->body);
			w->depth--;
		} else {
			check_stmt(w, s->body);
		}
	}
}

void usage_check_foreach(struct script *s, const struct resolved *r)
{
	struct mutation_walk w = {
		.script = s,
		.r = r,
		.visiting = arena_alloc(s->arena, (size_t)r->nfuncs + 1),
		.writes = arena_alloc(s->arena, ((size_t)r->nfuncs + 1) * sizeof(struct sym **)),
	};
	for (int i = 0; i < s->nprobes; i++)
		check_stmt(&w, r->probes[i].probe->body);
	for (int i = 0; i < r->nfuncs; i++)
		check_stmt(&w, r->funcs[i].func->body);
}
