/* SPDX-License-Identifier: GPL-2.0-or-later */
/* alias.c — probe aliases and probe conditions into plain probes; see
 * alias.h.
 *
 * A use matches an alias when its components match the alias's name one by
 * one (a use's component may hold wildcards, never arguments).  A use longer
 * than the name matches too, if no alias matches it whole: the rest is a
 * suffix added to each of the alias's points (SystemTap's alias suffixes,
 * `probe sendrecv.return`).  Aliases may name aliases; the expansion stops
 * with an error where one comes back to itself.
 *
 * Code that ends up in several handlers is copied (ast_clone_stmts), since
 * resolution annotates the tree in place. */
#include "alias.h"

#include <fnmatch.h>
#include <stdbool.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"

/* Deeper than this, an alias names itself through others. */
#define ALIAS_MAX_DEPTH 64

struct xp {
	struct script *s;
	struct arena *a;
	struct probe *head, **tail;
	int errors;
};

/* Whether use matches name; *suffix is what of use is left after it. */
static bool name_matches(const struct pp_comp *use, const struct pp_comp *name,
			 const struct pp_comp **suffix)
{
	for (; name; name = name->next, use = use->next) {
		if (!use || use->arg_kind != PP_ARG_NONE || fnmatch(use->name, name->name, 0) != 0)
			return false;
	}
	*suffix = use;
	return true;
}

static bool any_alias(const struct script *s, const struct probe_point *pp)
{
	const struct pp_comp *rest;
	for (const struct alias *al = s->aliases; al; al = al->next)
		if (name_matches(pp->comps, al->name, &rest))
			return true;
	return false;
}

/* A copy of the components of list, then of those of suffix. */
static struct pp_comp *clone_comps(struct arena *a, const struct pp_comp *list,
				   const struct pp_comp *suffix)
{
	struct pp_comp *head = NULL, **tail = &head;
	for (int part = 0; part < 2; part++) {
		for (const struct pp_comp *c = part ? suffix : list; c; c = c->next) {
			struct pp_comp *n = arena_alloc(a, sizeof(*n));
			*n = *c;
			n->next = NULL;
			*tail = n;
			tail = &n->next;
		}
	}
	return head;
}

static struct expr *both(struct arena *a, struct expr *x, struct expr *y)
{
	if (!x || !y)
		return x ? x : y;
	struct expr *e = ast_expr(a, EXPR_BINARY, &y->loc);
	e->op = OP_LAND;
	e->op_loc = y->loc;
	e->lhs = ast_clone_exprs(a, x);
	e->rhs = ast_clone_exprs(a, y);
	return e;
}

/* A block of two statements, each a copy. */
static struct stmt *pair(struct arena *a, const struct stmt *first, const struct stmt *second,
			 const struct loc *loc)
{
	struct stmt *b = ast_stmt(a, STMT_BLOCK, loc);
	b->body = ast_clone_stmts(a, first);
	b->body->next = ast_clone_stmts(a, second);
	return b;
}

/* Probes for points, none of which names an alias, with body: one for the
 * points without a condition and one for each condition. */
static void emit(struct xp *x, const struct probe *orig, struct probe_point *points,
		 const struct stmt *body)
{
	while (points) {
		struct expr *cond = points->cond;
		struct probe_point *mine = NULL, **mt = &mine, *rest = NULL, **rt = &rest;
		for (struct probe_point *pp = points, *next; pp; pp = next) {
			next = pp->next;
			pp->next = NULL;
			if (pp->cond == cond) {
				*mt = pp;
				mt = &pp->next;
			} else {
				*rt = pp;
				rt = &pp->next;
			}
		}
		struct probe *p = arena_alloc(x->a, sizeof(*p));
		p->loc = orig->loc;
		p->points = mine;
		if (cond) {
			/* SystemTap's own rewriting: if (!(cond)) next */
			struct stmt *check = ast_stmt(x->a, STMT_IF, &cond->loc);
			check->expr = ast_expr(x->a, EXPR_UNARY, &cond->loc);
			check->expr->op = OP_NOT;
			check->expr->lhs = ast_clone_exprs(x->a, cond);
			check->body = ast_stmt(x->a, STMT_NEXT, &cond->loc);
			p->body = pair(x->a, check, body, &body->loc);
		} else {
			p->body = ast_clone_stmts(x->a, body);
		}
		*x->tail = p;
		x->tail = &p->next;
		points = rest;
	}
}

/* Adds the probes of points, with body.  seq is the position, in the probe
 * as written, of the point they all come from; -1 for that probe's own
 * points.  Probes come out in the order of the points, so that '!' can
 * stop at the first that resolves (probes.c). */
static void expand(struct xp *x, const struct probe *orig, const struct probe_point *points,
		   const struct stmt *body, int depth, int seq)
{
	struct probe_point *plain = NULL, **ptail = &plain;
	int i = 0;
	for (const struct probe_point *pp = points; pp; pp = pp->next, i++) {
		int at = seq >= 0 ? seq : i;
		/* Aliases that match the whole use; failing those, with a suffix. */
		bool exact = false, found = false;
		const struct pp_comp *rest;
		for (const struct alias *al = x->s->aliases; al && !exact; al = al->next)
			exact = name_matches(pp->comps, al->name, &rest) && !rest;
		for (const struct alias *al = x->s->aliases; al; al = al->next) {
			if (!name_matches(pp->comps, al->name, &rest) || (exact && rest))
				continue;
			found = true;
			if (depth >= ALIAS_MAX_DEPTH) {
				diag_error(&pp->loc, "recursive loop in the expansion of probe "
					   "alias %s", al->text);
				x->errors++;
				return;
			}
			if (plain) {
				emit(x, orig, plain, body);
				plain = NULL;
				ptail = &plain;
			}
			struct probe_point *derived = NULL, **dt = &derived;
			for (const struct probe_point *ap = al->points; ap; ap = ap->next) {
				struct probe_point *d = arena_alloc(x->a, sizeof(*d));
				*d = *ap;
				d->next = NULL;
				if (rest) {
					d->comps = clone_comps(x->a, ap->comps, rest);
					d->text = ast_pp_text(x->a, d->comps);
				}
				/* '?' and '!' pass down to what the alias stands for. */
				d->optional |= pp->optional;
				d->sufficient |= pp->sufficient;
				d->cond = both(x->a, ap->cond, pp->cond);
				d->via = pp;
				*dt = d;
				dt = &d->next;
			}
			struct stmt *b = al->epilogue ? pair(x->a, body, al->body, &body->loc) :
				pair(x->a, al->body, body, &body->loc);
			expand(x, orig, derived, b, depth + 1, at);
		}
		if (!found) {
			struct probe_point *d = arena_alloc(x->a, sizeof(*d));
			*d = *pp;
			d->next = NULL;
			d->origin = orig;
			d->seq = at;
			*ptail = d;
			ptail = &d->next;
		}
	}
	if (plain)
		emit(x, orig, plain, body);
}

/* SystemTap's rules: a condition reads declared globals, and nothing else. */
static void check_cond(struct xp *x, const struct expr *e)
{
	for (; e; e = e->next) {
		const char *why = NULL;
		switch (e->kind) {
		case EXPR_VAR:
		case EXPR_INDEX:
		case EXPR_IN: {
			bool global = false;
			for (const struct global *g = x->s->globals; g && !global; g = g->next)
				global = strcmp(g->name, e->name) == 0;
			if (!global)
				why = "must not reference undeclared global";
			break;
		}
		case EXPR_CALL:
			why = "must not reference function";
			break;
		case EXPR_TARGET:
			why = "must not reference target variables";
			break;
		case EXPR_ASSIGN:
		case EXPR_INCDEC:
		case EXPR_STAT_ADD:
			why = "must not modify any variables";
			break;
		default:
			break;
		}
		if (why) {
			if (e->kind == EXPR_VAR || e->kind == EXPR_INDEX || e->kind == EXPR_IN ||
			    e->kind == EXPR_CALL)
				diag_error(&e->loc, "probe condition %s: '%s'", why, e->name);
			else
				diag_error(&e->loc, "probe condition %s", why);
			x->errors++;
			continue;
		}
		check_cond(x, e->args);
		check_cond(x, e->lhs);
		check_cond(x, e->rhs);
		check_cond(x, e->cond);
	}
}

static void check_conds(struct xp *x, const struct probe_point *points)
{
	for (const struct probe_point *pp = points; pp; pp = pp->next)
		check_cond(x, pp->cond);
}

int alias_expand(struct script *s)
{
	struct xp x = { .s = s, .a = s->arena };
	x.tail = &x.head;
	for (const struct alias *al = s->aliases; al; al = al->next)
		check_conds(&x, al->points);
	for (const struct probe *p = s->probes; p; p = p->next)
		check_conds(&x, p->points);
	if (x.errors)
		return -1;

	for (struct probe *p = s->probes, *next; p; p = next) {
		next = p->next;
		bool plain = true;
		for (const struct probe_point *pp = p->points; pp && plain; pp = pp->next)
			plain = !pp->cond && !any_alias(s, pp);
		if (plain) {
			p->next = NULL;
			*x.tail = p;
			x.tail = &p->next;
			continue;
		}
		expand(&x, p, p->points, p->body, 0, -1);
	}
	s->probes = x.head;
	s->nprobes = 0;
	for (struct probe *p = s->probes; p; p = p->next)
		p->id = s->nprobes++;
	return x.errors ? -1 : 0;
}
