/* SPDX-License-Identifier: GPL-2.0-or-later */
/* globs.c — wildcards in the names of a probe point's components; see
 * globs_expand() in alias.h.
 *
 * The kinds of probes.c recognise points by their components' names and
 * never by a pattern, so a pattern such as `timer.*` or `process("a").*`
 * is first written out as each form it matches: `timer.profile`,
 * `process("a").begin`, … .  The forms come from the kinds themselves (the
 * list --dump-probe-types prints), so a kind added there is matched here
 * with no change. */
#include "alias.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/suggest.h"
#include "points/probes.h"

/* A component of a form: its name, and the argument it takes. */
struct fcomp {
	const char *name;
	int arg;                 /* PP_ARG_NONE, PP_ARG_STR or PP_ARG_NUM */
};

struct form {
	struct fcomp *c;
	int n;
};

struct gx {
	struct arena *a;
	struct form *forms;
	int nforms, cap;
	/* The point being expanded, as an array, and what it became. */
	const struct pp_comp **use;
	int nuse;
	struct probe_point *out, **tail;
	const struct probe_point *orig;
	const char **seen;
	int nseen, seen_cap;
};

static void add_form(struct gx *g, struct fcomp *c, int n)
{
	if (g->nforms == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 256;
		g->forms = xrealloc(g->forms, (size_t)g->cap * sizeof(*g->forms));
	}
	g->forms[g->nforms].c = c;
	g->forms[g->nforms++].n = n;
}

/* "process(string).function(string)" into its components. */
static void say_form(void *arg, const char *text)
{
	struct gx *g = arg;
	int n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '.';
	struct fcomp *c = arena_alloc(g->a, (size_t)n * sizeof(*c));
	n = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, ".(");
		c[n].name = arena_strndup(g->a, p, len);
		c[n].arg = PP_ARG_NONE;
		p += len;
		if (*p == '(') {
			c[n].arg = strncmp(p, "(string)", 8) == 0 ? PP_ARG_STR : PP_ARG_NUM;
			p += strcspn(p, ")");
			if (*p)
				p++;
		}
		n++;
		if (*p == '.')
			p++;
	}
	add_form(g, c, n);
}

static bool has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

static bool glob_point(const struct probe_point *pp)
{
	for (const struct pp_comp *c = pp->comps; c; c = c->next)
		if (has_glob(c->name))
			return true;
	return false;
}

/* Whether a component's name holds "**", which alias_expand() does not
 * match across components. */
static bool spans(const struct probe_point *pp)
{
	for (const struct pp_comp *c = pp->comps; c; c = c->next)
		if (strstr(c->name, "**"))
			return true;
	return false;
}

/* Adds the point whose components are the form's names with the
 * arguments of the use's components that matched them. */
static void emit(struct gx *g, const struct form *f, const struct pp_comp *const *from)
{
	struct pp_comp *head = NULL, **t = &head;
	for (int i = 0; i < f->n; i++) {
		struct pp_comp *c = arena_alloc(g->a, sizeof(*c));
		const struct pp_comp *u = from[i];
		bool last = i + 1 == f->n || from[i + 1] != u;
		c->loc = u->loc;
		c->name = f->c[i].name;
		c->arg_kind = last ? u->arg_kind : PP_ARG_NONE;
		c->str = last ? u->str : NULL;
		c->num = last ? u->num : 0;
		*t = c;
		t = &c->next;
	}
	const char *text = ast_pp_text(g->a, head);
	for (int i = 0; i < g->nseen; i++)
		if (strcmp(g->seen[i], text) == 0)
			return;
	if (g->nseen == g->seen_cap) {
		g->seen_cap = g->seen_cap ? 2 * g->seen_cap : 64;
		g->seen = xrealloc(g->seen, (size_t)g->seen_cap * sizeof(*g->seen));
	}
	g->seen[g->nseen++] = text;
	struct probe_point *d = arena_alloc(g->a, sizeof(*d));
	*d = *g->orig;
	d->next = NULL;
	d->comps = head;
	d->text = text;
	d->optional = true;
	*g->tail = d;
	g->tail = &d->next;
}

/* Matches the use's components from ui (the first of them read as pat
 * when pat is not NULL) against the form's from fi; from[] records which
 * use component each form component matched. */
static void match(struct gx *g, const struct form *f, int ui, const char *pat, int fi,
		  const struct pp_comp **from)
{
	if (ui == g->nuse) {
		if (fi == f->n)
			emit(g, f, from);
		return;
	}
	if (fi == f->n)
		return;
	const struct pp_comp *u = g->use[ui];
	const char *name = pat ? pat : u->name;
	const char *dbl = strstr(name, "**");
	from[fi] = u;
	if (dbl) {
		/* SystemTap's rule: "a**b" is "a*b" within one component, or
		 * "a*" for one and "**b" for the ones after it. */
		size_t pre = (size_t)(dbl - name);
		const char *post = dbl + strspn(dbl, "*");
		match(g, f, ui, arena_printf(g->a, "%.*s*%s", (int)pre, name, post), fi, from);
		if (f->c[fi].arg == PP_ARG_NONE &&
		    fnmatch(arena_printf(g->a, "%.*s*", (int)pre, name), f->c[fi].name, 0) == 0)
			match(g, f, ui, arena_printf(g->a, "**%s", post), fi + 1, from);
		return;
	}
	if ((int)u->arg_kind != f->c[fi].arg || fnmatch(name, f->c[fi].name, 0) != 0)
		return;
	match(g, f, ui + 1, NULL, fi + 1, from);
}

/* The points pp stands for, or NULL if it matches no form. */
static struct probe_point *expand_point(struct gx *g, const struct script *s,
					const struct probe_point *pp, bool listing)
{
	g->nuse = 0;
	for (const struct pp_comp *c = pp->comps; c; c = c->next)
		g->nuse++;
	g->use = xrealloc(g->use, (size_t)g->nuse * sizeof(*g->use));
	int i = 0;
	for (const struct pp_comp *c = pp->comps; c; c = c->next)
		g->use[i++] = c;
	g->out = NULL;
	g->tail = &g->out;
	g->orig = pp;
	g->nseen = 0;
	bool aliases = !spans(pp) && alias_any(s, pp);
	if (aliases) {
		/* alias_expand() matches it, suffixes and all. */
		struct probe_point *d = arena_alloc(g->a, sizeof(*d));
		*d = *pp;
		d->next = NULL;
		d->optional |= listing;
		*g->tail = d;
		g->tail = &d->next;
	}
	int longest = 0;
	for (int k = 0; k < g->nforms; k++)
		longest = g->forms[k].n > longest ? g->forms[k].n : longest;
	const struct pp_comp **from = xmalloc((size_t)(longest + 1) * sizeof(*from));
	for (int k = 0; k < g->nforms; k++)
		match(g, &g->forms[k], 0, NULL, 0, from);
	free(from);
	return g->out;
}

const char *globs_similar(struct arena *a, const struct probe_point *pp)
{
	struct gx g = { .a = a };
	probes_each_form(say_form, &g);
	int nuse = 0;
	for (const struct pp_comp *c = pp->comps; c; c = c->next)
		nuse++;
	/* How far each form agrees with the point, and the farthest. */
	int *agree = xcalloc((size_t)g.nforms + 1, sizeof(*agree)), far = 0;
	bool whole = false;
	for (int k = 0; k < g.nforms; k++) {
		const struct pp_comp *c = pp->comps;
		int i = 0;
		while (c && i < g.forms[k].n && strcmp(c->name, g.forms[k].c[i].name) == 0 &&
		       (int)c->arg_kind == g.forms[k].c[i].arg) {
			c = c->next;
			i++;
		}
		agree[k] = i;
		whole |= !c && i == g.forms[k].n;
		far = i > far ? i : far;
	}
	const char *out = NULL;
	if (!whole && far < nuse) {
		const struct pp_comp *at = pp->comps;
		for (int i = 0; i < far; i++)
			at = at->next;
		struct suggest sug;
		suggest_init(&sug, at->name);
		for (int k = 0; k < g.nforms; k++)
			if (agree[k] == far && g.forms[k].n > far &&
			    g.forms[k].c[far].arg == (int)at->arg_kind)
				suggest_add(&sug, g.forms[k].c[far].name);
		for (int i = 0; i < sug.n; i++) {
			struct pp_comp *head = NULL, **t = &head;
			for (const struct pp_comp *c = pp->comps; c; c = c->next) {
				struct pp_comp *n = arena_alloc(a, sizeof(*n));
				*n = *c;
				n->next = NULL;
				if (c == at)
					n->name = sug.best[i].name;
				*t = n;
				t = &n->next;
			}
			const char *text = ast_pp_text(a, head);
			out = out ? arena_printf(a, "%s, %s", out, text) : text;
		}
	}
	free(agree);
	free(g.forms);
	return out;
}

void globs_expand(struct script *s, bool listing)
{
	bool any = false;
	for (const struct probe *p = s->probes; p && !any; p = p->next)
		for (const struct probe_point *pp = p->points; pp && !any; pp = pp->next)
			any = glob_point(pp);
	if (!any)
		return;
	struct gx g = { .a = s->arena };
	probes_each_form(say_form, &g);
	int kinds = g.nforms;
	for (const struct alias *al = s->aliases; al; al = al->next) {
		int n = 0;
		for (const struct pp_comp *c = al->name; c; c = c->next)
			n++;
		struct fcomp *c = arena_alloc(g.a, (size_t)n * sizeof(*c));
		n = 0;
		for (const struct pp_comp *x = al->name; x; x = x->next, n++)
			c[n].name = x->name;
		add_form(&g, c, n);
	}
	for (struct probe *p = s->probes; p; p = p->next) {
		struct probe_point *points = NULL, **t = &points;
		for (struct probe_point *pp = p->points, *next; pp; pp = next) {
			next = pp->next;
			struct probe_point *x = NULL;
			if (glob_point(pp)) {
				/* The alias names are forms too, unless
				 * alias_expand() has the point. */
				int all = g.nforms;
				if (!spans(pp) && alias_any(s, pp))
					g.nforms = kinds;
				x = expand_point(&g, s, pp, listing);
				g.nforms = all;
			}
			if (!x) {
				pp->next = NULL;
				x = pp;
			}
			*t = x;
			while (*t)
				t = &(*t)->next;
		}
		p->points = points;
	}
	free(g.forms);
	free(g.use);
	free(g.seen);
}
