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
 * resolution annotates the tree in place.
 *
 * A probe through an alias reads what the alias sets: a variable its own
 * body reads and nothing assigns is one the alias does not give (the
 * kernel families leave out what their tracepoints cannot tell), and an
 * error that names what it does give, where SystemTap would read 0 or ""
 * with a warning. */
#include "alias.h"

#include <fnmatch.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"

/* Deeper than this, an alias names itself through others. */
#define ALIAS_MAX_DEPTH 64

/* Names of variables with where they are: those a body assigns, or those
 * it reads with the reading expression. */
struct vars {
	const struct expr **v;   /* EXPR_VAR reads, or NULL where names holds */
	const char **names;
	const struct loc **locs;
	int n, cap;
};

struct xp {
	struct script *s;
	struct arena *a;
	struct probe *head, **tail;
	int errors;
	long expansions;         /* uses of aliases expanded so far */
	const struct alias *top; /* the alias the probe being expanded names,
				  * whole (no suffix) and with a body: the
				  * variables of the others are not checked */
	/* The probe being expanded: what its expansions through aliases
	 * assign, the first alias it named and where that led, and whether
	 * one of them goes unchecked. */
	struct vars assigned;
	const struct alias *first;
	const struct probe_point *first_at;
	bool unchecked;
	int unset;               /* variables reported unset: the expansion
				  * goes on, to report them all */
};

/* Aliases with several definitions multiply: a use of one with two, each
 * standing for a use of another with two, and so on, makes 2^depth
 * probes.  Past this many expansions a script is refused rather than let
 * it take the machine's memory. */
#define ALIAS_MAX_EXPANSIONS 100000

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

bool alias_any(const struct script *s, const struct probe_point *pp)
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

/* ---- variables an alias does not set ---- */

static void vars_add(struct vars *s, const char *name, const struct expr *read,
		     const struct loc *loc)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->names = xrealloc(s->names, (size_t)s->cap * sizeof(*s->names));
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof(*s->v));
		s->locs = xrealloc(s->locs, (size_t)s->cap * sizeof(*s->locs));
	}
	s->names[s->n] = name;
	s->v[s->n] = read;
	s->locs[s->n++] = loc;
}

static bool vars_has(const struct vars *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return true;
	return false;
}

static void vars_free(struct vars *s)
{
	free(s->names);
	free(s->v);
	free(s->locs);
}

/* The locals an expression assigns (into set) and reads (into reads). */
static void walk_expr(const struct expr *e, struct vars *set, struct vars *reads)
{
	for (; e; e = e->next) {
		if (e->kind == EXPR_VAR) {
			/* "*" is a slice's wildcard key, no variable */
			if (strcmp(e->name, "*") != 0)
				vars_add(reads, e->name, e, &e->loc);
			continue;
		}
		const struct expr *lhs = e->lhs;
		if ((e->kind == EXPR_ASSIGN || e->kind == EXPR_INCDEC ||
		     e->kind == EXPR_STAT_ADD) && lhs && lhs->kind == EXPR_VAR) {
			vars_add(set, lhs->name, NULL, &lhs->loc);
			lhs = NULL;
		}
		walk_expr(lhs, set, reads);
		walk_expr(e->rhs, set, reads);
		walk_expr(e->cond, set, reads);
		if (e->kind != EXPR_DEFINED)
			walk_expr(e->args, set, reads);
		for (const struct target_suffix *t = e->suffix; t; t = t->next)
			walk_expr(t->index, set, reads);
	}
}

static void walk_stmts(const struct stmt *s, struct vars *set, struct vars *reads)
{
	for (; s; s = s->next) {
		if (s->kind == STMT_FOREACH) {
			const struct foreach *f = s->foreach;
			if (f->value)
				vars_add(set, f->value, NULL, &f->value_loc);
			for (int i = 0; i < f->nkeys; i++)
				vars_add(set, f->keys[i], NULL, &f->key_locs[i]);
			walk_expr(f->limit, set, reads);
			walk_expr(f->slice, set, reads);
			walk_expr(f->hist, set, reads);
		}
		if (s->kind == STMT_TRY && s->expr) {
			vars_add(set, s->expr->name, NULL, &s->expr->loc);
		} else if (s->kind == STMT_DELETE) {
			if (s->expr && s->expr->kind != EXPR_VAR)
				walk_expr(s->expr, set, reads);
		} else {
			walk_expr(s->expr, set, reads);
		}
		walk_stmts(s->body, set, reads);
		walk_stmts(s->else_body, set, reads);
		walk_stmts(s->init, set, reads);
		walk_stmts(s->step, set, reads);
	}
}

static bool inside(const struct loc *l, const struct loc *span)
{
	if (l->file != span->file)
		return false;
	if (l->line < span->line || (l->line == span->line && l->col < span->col))
		return false;
	return l->line < span->end_line || (l->line == span->end_line &&
					    l->col <= span->end_col);
}

/* Adds what body, one expansion of orig through an alias, assigns to
 * what the expansions of orig assign. */
static void note_alias_vars(struct xp *x, const struct stmt *body, const struct probe_point *at)
{
	if (!x->top) {
		x->unchecked = true;
		return;
	}
	if (!x->first) {
		x->first = x->top;
		x->first_at = at;
	}
	struct vars reads = { 0 };
	walk_stmts(body, &x->assigned, &reads);
	vars_free(&reads);
}

/* Reports each variable the body of orig reads that no expansion of it
 * assigns, once a probe is expanded through aliases that all have bodies;
 * a family used by a wildcard, or an alias with several definitions, may
 * set a variable in some of its probes only. */
static void check_alias_vars(struct xp *x, const struct probe *orig)
{
	struct vars set = { 0 }, reads = { 0 };
	if (x->first && !x->unchecked && orig->body)
		walk_stmts(orig->body, &set, &reads);
	for (int i = 0; i < reads.n; i++) {
		const struct expr *r = reads.v[i];
		if (vars_has(&x->assigned, r->name))
			continue;
		bool global = false, told = false;
		for (const struct global *g = x->s->globals; g && !global; g = g->next)
			global = strcmp(g->name, r->name) == 0;
		for (int j = 0; j < i && !told; j++)
			told = strcmp(reads.v[j]->name, r->name) == 0;
		if (global || told)
			continue;
		/* What the aliases set, in the order they set it. */
		const char *list = "";
		int shown = 0;
		for (int j = 0; j < x->assigned.n; j++) {
			const char *n = x->assigned.names[j];
			if (inside(x->assigned.locs[j], &orig->body->loc))
				continue;
			bool again = false;
			for (int k = 0; k < j && !again; k++)
				again = strcmp(x->assigned.names[k], n) == 0;
			if (!again)
				list = arena_printf(x->a, "%s%s%s", list, shown++ ? ", " : "", n);
		}
		diag_error(&r->loc, "variable '%s' is not set by probe alias %s at %s: %s",
			   r->name, x->first->text, x->first_at->text,
			   shown ? arena_printf(x->a, "it sets %s", list) : "it sets no variable");
		diag_note(&x->first->loc, "probe alias %s is defined here", x->first->text);
		x->unset++;
	}
	vars_free(&set);
	vars_free(&reads);
	vars_free(&x->assigned);
	memset(&x->assigned, 0, sizeof(x->assigned));
	x->first = NULL;
	x->first_at = NULL;
	x->unchecked = false;
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
		if (mine->via)
			note_alias_vars(x, body, mine);
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

/* The name -l lists a point under when it comes through alias al used
 * with suffix rest: the alias's own name and the suffix, unless the
 * suffix holds a wildcard, which only the points underneath resolve. */
static const char *listed_name(struct arena *a, const struct alias *al,
			       const struct pp_comp *rest)
{
	if (!rest)
		return al->text;
	for (const struct pp_comp *c = rest; c; c = c->next)
		if (strpbrk(c->name, "*?["))
			return NULL;
	return ast_pp_text(a, clone_comps(a, al->name, rest));
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
			if (x->errors)
				return;
			if (depth >= ALIAS_MAX_DEPTH) {
				diag_error(&pp->loc, "recursive loop in the expansion of probe "
					   "alias %s", al->text);
				x->errors++;
				return;
			}
			if (++x->expansions > ALIAS_MAX_EXPANSIONS) {
				diag_error(&pp->loc, "the expansion of probe alias %s makes more "
					   "than %d probes (a use of an alias makes a probe for each "
					   "of its definitions)", pp->text, ALIAS_MAX_EXPANSIONS);
				x->errors++;
				return;
			}
			if (plain) {
				emit(x, orig, plain, body);
				plain = NULL;
				ptail = &plain;
			}
			struct probe_point *derived = NULL, **dt = &derived;
			const char *listed = listed_name(x->a, al, rest);
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
				d->listed = pp->listed ? pp->listed : listed;
				*dt = d;
				dt = &d->next;
			}
			struct stmt *b = al->epilogue ? pair(x->a, body, al->body, &body->loc) :
				pair(x->a, al->body, body, &body->loc);
			if (!depth)
				x->top = !rest && al->body && al->body->body ? al : NULL;
			expand(x, orig, derived, b, depth + 1, at);
			if (!depth)
				x->top = NULL;
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
			plain = !pp->cond && !alias_any(s, pp);
		if (plain) {
			p->next = NULL;
			*x.tail = p;
			x.tail = &p->next;
			continue;
		}
		expand(&x, p, p->points, p->body, 0, -1);
		check_alias_vars(&x, p);
	}
	s->probes = x.head;
	s->nprobes = 0;
	for (struct probe *p = s->probes; p; p = p->next)
		p->id = s->nprobes++;
	return x.errors || x.unset ? -1 : 0;
}
