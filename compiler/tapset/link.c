/* SPDX-License-Identifier: GPL-2.0-or-later */
/* link.c — adds to a script the library files it needs; see tapset.h.
 *
 * The script's tree is walked for calls, and each call of a function that
 * neither the script nor the builtins define pulls in the library file
 * that defines it.  That file's definitions join the script (the ones the
 * script or the builtins already have are left out) and are walked in
 * turn, so a library function's own calls pull in theirs.  Probe points
 * (of probes and of aliases) pull in the files of the aliases they name,
 * whose definitions join the script's aliases for points/alias.c to
 * expand.  A variable, an array or a statistic that the script uses
 * without declaring it pulls in the file that declares it, as SystemTap
 * finds the library's globals: a name that is no parameter is a local
 * only when no global of the script or of the library has it (so `argc`
 * and `NULL` are argv.stp's and null.stp's wherever they are used).
 *
 * The first call of each library function is kept: an error inside one is
 * followed by a note at the call that brought it in, and at the call of
 * that caller if it is in the library too, up to the script. */
#include "tapset.h"

#include <string.h>

#include "check/builtins.h"
#include "parse/arena.h"
#include "parse/diag.h"
#include "tapset_impl.h"

static void walk_stmts(struct tapset *t, struct stmt *st);

static bool script_defines(const struct script *s, const char *name, int arity)
{
	for (const struct func *f = s->funcs; f; f = f->next)
		if (f->nparams == arity && strcmp(f->name, name) == 0)
			return true;
	return false;
}

static void remember_call(struct tapset *t, const char *name, int arity, const struct loc *loc)
{
	struct tcall *c = arena_alloc(t->arena, sizeof(*c));
	c->name = name;
	c->arity = arity;
	c->loc = *loc;
	c->next = t->calls;
	t->calls = c;
}

static void call(struct tapset *t, struct expr *e)
{
	int n = ast_count(e->args);
	if (builtin_find(e->name))
		return;
	/* Calls of the script's functions too: a library function may call
	 * another of its file, which came with it. */
	remember_call(t, e->name, n, &e->loc);
	if (script_defines(t->script, e->name, n))
		return;
	int i = tapset_find(t, TAPSET_FUNCTION, e->name, n);
	if (i >= 0)
		tapset_link_file(t, t->script, i);
}

static bool script_declares(const struct script *s, const char *name)
{
	for (const struct global *g = s->globals; g; g = g->next)
		if (strcmp(g->name, name) == 0)
			return true;
	return false;
}

/* An array or a statistic named: the file that declares it, if the
 * script does not. */
static void global_use(struct tapset *t, const char *name)
{
	if (!name || script_declares(t->script, name))
		return;
	int i = tapset_find(t, TAPSET_GLOBAL, name, -1);
	if (i >= 0)
		tapset_link_file(t, t->script, i);
}

/* Whether loc is inside the text of `in` (to the column: a one-liner
 * holds functions and probes on one line). */
static bool loc_within(const struct loc *loc, const struct loc *in)
{
	if (loc->file != in->file)
		return false;
	bool after_start = loc->line > in->line || (loc->line == in->line && loc->col >= in->col);
	bool before_end = loc->line < in->end_line ||
			  (loc->line == in->end_line && loc->col <= in->end_col);
	return after_start && before_end;
}

/* Whether a variable is a parameter of the function it is in. */
static bool is_param(const struct tapset *t, const struct expr *e)
{
	for (const struct func *f = t->script->funcs; f; f = f->next) {
		if (!f->params || !f->body || !loc_within(&e->loc, &f->body->loc))
			continue;
		for (const struct param *p = f->params; p; p = p->next)
			if (strcmp(p->name, e->name) == 0)
				return true;
		return false;
	}
	return false;
}

/* An expression and those after it in its list (arguments, keys). */
static void walk_expr(struct tapset *t, struct expr *e)
{
	for (; e; e = e->next) {
		if (e->kind == EXPR_CALL)
			call(t, e);
		if (e->kind == EXPR_VAR && e->name && !is_param(t, e))
			global_use(t, e->name);
		if (e->kind == EXPR_INDEX || e->kind == EXPR_IN)
			global_use(t, e->name);
		if (e->kind == EXPR_STAT_ADD && e->lhs && e->lhs->kind == EXPR_VAR)
			global_use(t, e->lhs->name);
		walk_expr(t, e->args);
		walk_expr(t, e->lhs);
		walk_expr(t, e->rhs);
		walk_expr(t, e->cond);
		for (struct target_suffix *x = e->suffix; x; x = x->next)
			walk_expr(t, x->index);
	}
}

static void walk_stmts(struct tapset *t, struct stmt *st)
{
	for (; st; st = st->next) {
		walk_expr(t, st->expr);
		walk_stmts(t, st->body);
		walk_stmts(t, st->else_body);
		walk_stmts(t, st->init);
		walk_stmts(t, st->step);
		if (st->foreach) {
			global_use(t, st->foreach->array);
			walk_expr(t, st->foreach->limit);
		}
	}
}

/* The names a probe point may use an alias by: its components joined,
 * all of them and each shorter run from the first (an alias's use may add
 * suffixes: syscall.open.return). */
static void walk_points(struct tapset *t, struct probe_point *points)
{
	for (struct probe_point *pp = points; pp; pp = pp->next) {
		walk_expr(t, pp->cond);  /* `probe P if (enabled)` */
		char name[256];
		size_t len = 0;
		for (struct pp_comp *c = pp->comps; c; c = c->next) {
			size_t n = strlen(c->name);
			if (len + n + 2 > sizeof(name))
				break;
			if (len)
				name[len++] = '.';
			memcpy(name + len, c->name, n);
			len += n;
			name[len] = '\0';
			tapset_pull_alias(t, t->script, name);
		}
	}
}

/* Adds lib's definitions to s, but for functions s or the builtins
 * already have; walks what was added. */
static void merge(struct tapset *t, struct script *s, struct script *lib)
{
	struct func **ftail = &s->funcs, *fnew = NULL, *flast = NULL;
	while (*ftail)
		ftail = &(*ftail)->next;
	for (struct func *f = lib->funcs, *next; f; f = next) {
		next = f->next;
		f->next = NULL;
		if (builtin_find(f->name) || script_defines(s, f->name, f->nparams))
			continue;
		*ftail = f;
		ftail = &f->next;
		if (!fnew)
			fnew = f;
		flast = f;
	}
	struct global **gtail = &s->globals;
	while (*gtail)
		gtail = &(*gtail)->next;
	*gtail = lib->globals;
	for (struct global *g = lib->globals; g; g = g->next)
		g->in_library = true;
	struct expr **etail = &s->embedded;
	while (*etail)
		etail = &(*etail)->next;
	*etail = lib->embedded;
	struct probe **ptail = &s->probes, *plast = NULL;
	while (*ptail)
		ptail = &(*ptail)->next;
	*ptail = lib->probes;
	for (struct probe *p = lib->probes; p; p = p->next) {
		p->id = s->nprobes++;
		plast = p;
	}

	/* Aliases of the same name from several files all apply, as
	 * SystemTap takes them. */
	struct alias **atail = &s->aliases;
	while (*atail)
		atail = &(*atail)->next;
	*atail = lib->aliases;
	struct alias *alast = NULL;
	for (struct alias *al = lib->aliases; al; al = al->next)
		alast = al;

	/* Each list up to this file's last: the walk may add other files'
	 * after it, which their own merge walks. */
	for (struct func *f = fnew; f; f = f == flast ? NULL : f->next)
		walk_stmts(t, f->body);
	for (struct probe *p = plast ? lib->probes : NULL; p; p = p == plast ? NULL : p->next) {
		walk_points(t, p->points);
		walk_stmts(t, p->body);
	}
	for (struct alias *al = alast ? lib->aliases : NULL; al; al = al == alast ? NULL : al->next) {
		walk_points(t, al->points);
		walk_stmts(t, al->body);
	}
}

void tapset_link_file(struct tapset *t, struct script *s, int i)
{
	struct script *lib = tapset_load(t, i);
	if (lib)
		merge(t, s, lib);
}

/* ---- the notes of a diagnostic inside the library ---- */

static const struct tfile *library_file(const struct tapset *t, const struct src_file *src)
{
	for (int i = 0; i < t->nfiles; i++)
		if (&t->files[i]->src == src)
			return t->files[i];
	return NULL;
}

static const struct func *function_in(const struct func *list, const struct loc *loc)
{
	for (const struct func *f = list; f; f = f->next) {
		if (f->loc.file != loc->file || f->loc.line > loc->line)
			continue;
		int end = f->body ? f->body->loc.end_line : f->loc.end_line;
		if (loc->line <= end)
			return f;
	}
	return NULL;
}

/* The function whose text holds loc: one of the script's, or one of the
 * library's that nothing calls (check/elide.h), whose calls are no
 * calls. */
static const struct func *function_at(const struct script *s, const struct loc *loc)
{
	const struct func *f = function_in(s->funcs, loc);
	return f ? f : function_in(s->pruned, loc);
}

static bool calls(const struct tcall *c, const struct func *f)
{
	return c->arity == f->nparams && strcmp(c->name, f->name) == 0;
}

/* A function elision found no probe to call (check/elide.h) is not
 * compiled: its calls never run. */
static bool is_live(const struct tapset *t, const struct func *f)
{
	if (f->unused)
		return false;
	for (int i = 0; i < t->nlive; i++)
		if (t->live[i] == f)
			return true;
	return false;
}

/* The functions whose code runs: those called from a probe's or an
 * alias's body, and from the code of those, to the end.  A library file's
 * functions come whole, called or not, and the calls in the uncalled ones
 * are no calls.  Worked out once, when the script is whole. */
static void find_live(struct tapset *t)
{
	if (t->live)
		return;
	int n = 0;
	for (struct func *f = t->script->funcs; f; f = f->next)
		n++;
	t->live = arena_alloc(t->arena, (size_t)(n + 1) * sizeof(*t->live));
	for (struct tcall *c = t->calls; c; c = c->next)
		c->in = function_at(t->script, &c->loc);
	for (bool changed = true; changed;) {
		changed = false;
		for (const struct tcall *c = t->calls; c; c = c->next) {
			if (c->in && !is_live(t, c->in))
				continue;
			for (struct func *f = t->script->funcs; f; f = f->next)
				if (calls(c, f) && !f->unused && !is_live(t, f) && t->nlive < n) {
					t->live[t->nlive++] = f;
					changed = true;
				}
		}
	}
}

/* The calls that run of the function whose text holds loc, if loc is in
 * a library file: the first of them, and how many there are (*n); *f is
 * that function. */
static const struct tcall *caller(struct tapset *t, const struct loc *loc,
				  const struct func **f, int *n)
{
	*n = 0;
	*f = library_file(t, loc->file) ? function_at(t->script, loc) : NULL;
	if (!*f)
		return NULL;
	find_live(t);
	/* The list is newest first: the last one found is the first call. */
	const struct tcall *first = NULL;
	for (const struct tcall *c = t->calls; c; c = c->next)
		if (calls(c, *f) && (!c->in || is_live(t, c->in))) {
			first = c;
			++*n;
		}
	return first;
}

static void context(void *ctx, const struct loc *loc)
{
	struct tapset *t = ctx;
	/* Each step goes one call up: a bound against a cycle of calls. */
	const struct func *f;
	const struct tcall *c;
	int n;
	for (int depth = 0; depth < 16 && (c = caller(t, loc, &f, &n)); depth++) {
		diag_note(&c->loc, "in the library function '%s', called from here", f->name);
		loc = &c->loc;
	}
}

const char *tapset_context(struct tapset *t, const struct loc *loc)
{
	const struct func *f;
	int n;
	const struct tcall *c = caller(t, loc, &f, &n);
	if (!f)
		return NULL;
	const char *text = arena_printf(t->arena, "in %s()", f->name);
	/* Up the calls while each function is called from one place only:
	 * with several, the first would be a guess. */
	for (int depth = 0; depth < 16 && c && n == 1; depth++) {
		const struct func *up;
		const struct tcall *next = caller(t, &c->loc, &up, &n);
		if (!up)
			return arena_printf(t->arena, "%s, called from %s:%d:%d", text,
					    c->loc.file->name, c->loc.line, c->loc.col);
		text = arena_printf(t->arena, "%s, called from %s()", text, up->name);
		c = next;
	}
	return text;
}

int tapset_link(struct tapset *t, struct script *s)
{
	int errors = diag_errors();
	t->script = s;
	int before = 0;
	for (int i = 0; i < t->nfiles; i++)
		before += t->files[i]->pulled;
	/* What is added to the lists is walked by merge(). */
	struct func *flast = NULL;
	for (struct func *f = s->funcs; f; f = f->next)
		flast = f;
	struct probe *plast = NULL;
	for (struct probe *p = s->probes; p; p = p->next)
		plast = p;
	struct alias *alast = NULL;
	for (struct alias *al = s->aliases; al; al = al->next)
		alast = al;
	for (struct probe *p = plast ? s->probes : NULL; p; p = p == plast ? NULL : p->next) {
		walk_points(t, p->points);
		walk_stmts(t, p->body);
	}
	for (struct alias *al = alast ? s->aliases : NULL; al; al = al == alast ? NULL : al->next) {
		walk_points(t, al->points);
		walk_stmts(t, al->body);
	}
	for (struct func *f = flast ? s->funcs : NULL; f; f = f == flast ? NULL : f->next)
		walk_stmts(t, f->body);
	diag_set_context(context, t);
	s->library_names = tapset_each_function;
	s->library_aliases = tapset_each_alias;
	s->library = t;
	int after = 0;
	for (int i = 0; i < t->nfiles; i++)
		after += t->files[i]->pulled;
	return diag_errors() > errors ? -1 : after - before;
}
