/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elide_library.c — the library's functions that nothing calls and its
 * globals that nothing names, taken out before resolution; see elide.h.
 *
 * Names decide, before anything is bound: a call keeps every function of
 * its name, a name keeps the global it could be (even where a local of
 * that name hides it), so nothing that resolution could bind goes. */
#include "elide.h"

#include <string.h>

#include "parse/arena.h"

static bool in_library(const struct loc *l)
{
	return l->file && l->file->library;
}

struct lib_walk {
	struct func **funcs;     /* the script's, in order */
	int nfuncs;
	char *called;            /* per function: some code that runs calls it */
	struct global **globals;
	int nglobals;
	char *named;             /* per global: some code that runs names it */
};

static void lib_stmts(struct lib_walk *w, const struct stmt *st);

static void lib_name(struct lib_walk *w, const char *name)
{
	for (int i = 0; name && i < w->nglobals; i++)
		if (!w->named[i] && strcmp(w->globals[i]->name, name) == 0)
			w->named[i] = 1;
}

/* Every function of the name, whatever its number of parameters:
 * resolution picks the one called, or names the others in its error. */
static void lib_call(struct lib_walk *w, const char *name)
{
	for (int i = 0; i < w->nfuncs; i++)
		if (!w->called[i] && strcmp(w->funcs[i]->name, name) == 0) {
			w->called[i] = 1;
			lib_stmts(w, w->funcs[i]->body);
		}
}

static void lib_exprs(struct lib_walk *w, const struct expr *e)
{
	for (; e; e = e->next) {
		if (e->kind == EXPR_CALL)
			lib_call(w, e->name);
		if (e->kind == EXPR_VAR || e->kind == EXPR_INDEX || e->kind == EXPR_IN)
			lib_name(w, e->name);
		lib_exprs(w, e->args);
		lib_exprs(w, e->lhs);
		lib_exprs(w, e->rhs);
		lib_exprs(w, e->cond);
		for (const struct target_suffix *x = e->suffix; x; x = x->next)
			lib_exprs(w, x->index);
	}
}

static void lib_stmts(struct lib_walk *w, const struct stmt *st)
{
	for (; st; st = st->next) {
		lib_exprs(w, st->expr);
		lib_stmts(w, st->body);
		lib_stmts(w, st->else_body);
		lib_stmts(w, st->init);
		lib_stmts(w, st->step);
		if (st->foreach) {
			lib_name(w, st->foreach->array);
			lib_exprs(w, st->foreach->limit);
			lib_exprs(w, st->foreach->hist);
			lib_exprs(w, st->foreach->slice);
		}
	}
}

void elide_library(struct script *s)
{
	struct lib_walk w = { 0 };
	for (struct func *f = s->funcs; f; f = f->next)
		w.nfuncs++;
	for (struct global *g = s->globals; g; g = g->next)
		w.nglobals++;
	w.funcs = arena_alloc(s->arena, (size_t)(w.nfuncs + 1) * sizeof(*w.funcs));
	w.called = arena_alloc(s->arena, (size_t)w.nfuncs + 1);
	w.globals = arena_alloc(s->arena, (size_t)(w.nglobals + 1) * sizeof(*w.globals));
	w.named = arena_alloc(s->arena, (size_t)w.nglobals + 1);
	int n = 0;
	for (struct func *f = s->funcs; f; f = f->next)
		w.funcs[n++] = f;
	n = 0;
	for (struct global *g = s->globals; g; g = g->next)
		w.globals[n++] = g;

	/* What runs: every probe (an alias's body is in each probe that uses
	 * it), and the user's own functions, which resolution checks whether
	 * called or not. */
	for (struct probe *p = s->probes; p; p = p->next)
		lib_stmts(&w, p->body);
	for (int i = 0; i < w.nfuncs; i++)
		if (!in_library(&w.funcs[i]->loc) && !w.called[i]) {
			w.called[i] = 1;
			lib_stmts(&w, w.funcs[i]->body);
		}

	struct func **tail = &s->funcs, **pruned = &s->pruned;
	while (*pruned)
		pruned = &(*pruned)->next;
	for (int i = 0; i < w.nfuncs; i++) {
		struct func *f = w.funcs[i];
		f->next = NULL;
		if (w.called[i] || !in_library(&f->loc)) {
			*tail = f;
			tail = &f->next;
		} else {
			*pruned = f;
			pruned = &f->next;
		}
	}
	*tail = NULL;
	struct global **gtail = &s->globals;
	for (int i = 0; i < w.nglobals; i++) {
		struct global *g = w.globals[i];
		g->next = NULL;
		g->unnamed = !w.named[i];
		if (w.named[i] || !in_library(&g->loc)) {
			*gtail = g;
			gtail = &g->next;
		}
	}
	*gtail = NULL;
}
