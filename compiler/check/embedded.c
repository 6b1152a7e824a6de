/* SPDX-License-Identifier: GPL-2.0-or-later */
/* embedded.c — refuses the embedded C a probe would run; see embedded.h.
 * Tapset-style scripts define many functions in C that they never call,
 * so the walk starts at the probes and follows calls, each function once. */
#include "embedded.h"

#include "parse/arena.h"
#include "parse/diag.h"
#include "usage.h"

struct emb_walk {
	struct script *script;
	char *seen;  /* per function: its body was walked */
};

static void walk_stmt(struct emb_walk *w, const struct stmt *s);

static void walk_expr(struct emb_walk *w, const struct expr *e)
{
	for (; e; e = e->next) {
		if (e->kind == EXPR_EMBEDDED)
			diag_error(&e->loc, "embedded C code ('%%{ ... %%}') cannot run on BPF: "
				   "uscript runs no C in the kernel");
		if (e->kind == EXPR_CALL && e->func && e->func->embedded) {
			diag_error(&e->loc, "function '%s' is written in embedded C, which "
				   "cannot run on BPF", e->func->name);
			diag_note(&e->func->loc, "'%s' is defined here with a '%%{ ... %%}' body",
				  e->func->name);
		} else if (e->kind == EXPR_CALL && e->func) {
			int i = usage_func_index(w->script, e->func);
			if (!w->seen[i]) {
				w->seen[i] = 1;
				walk_stmt(w, e->func->body);
			}
		}
		walk_expr(w, e->args);
		walk_expr(w, e->lhs);
		walk_expr(w, e->rhs);
		walk_expr(w, e->cond);
		for (const struct target_suffix *x = e->suffix; x; x = x->next)
			walk_expr(w, x->index);
	}
}

static void walk_stmt(struct emb_walk *w, const struct stmt *s)
{
	for (; s; s = s->next) {
		/* A statement's expression is one, not a list. */
		if (s->expr) {
			struct expr one = *s->expr;
			one.next = NULL;
			walk_expr(w, &one);
		}
		walk_stmt(w, s->init);
		walk_stmt(w, s->step);
		walk_stmt(w, s->body);
		walk_stmt(w, s->else_body);
		if (s->foreach && s->foreach->limit)
			walk_expr(w, s->foreach->limit);
	}
}

void embedded_check(struct script *s)
{
	int n = 0;
	for (struct func *f = s->funcs; f; f = f->next)
		n++;
	struct emb_walk w = { s, arena_alloc(s->arena, (size_t)n + 1) };
	for (struct probe *p = s->probes; p; p = p->next)
		walk_stmt(&w, p->body);
}
