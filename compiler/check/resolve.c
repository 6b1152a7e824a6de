/* SPDX-License-Identifier: GPL-2.0-or-later */
/* resolve.c — name binding and the walks of type inference; see resolve.h,
 * and infer.c for the type of each expression.
 *
 * Inference walks every handler repeatedly, each walk fixing the types it can
 * from what the previous walks fixed (a global typed in one probe types its
 * uses in another; a function's return type flows into its callers).  The
 * walks only ever fill in unknown types, so they stop; then one last walk,
 * with `checking` set, reports every conflict and every type still unknown,
 * each exactly once. */
#include "resolve.h"

#include <inttypes.h>
#include <string.h>

#include "parse/arena.h"
#include "builtins.h"
#include "compile.h"
#include "embedded.h"
#include "parse/diag.h"
#include "parse/suggest.h"
#include "stats.h"
#include "usage.h"
#include "resolve_impl.h"

/* ---- symbols ---- */

static struct sym *sym_new(struct rs *rs, const char *name, enum sym_kind kind,
			   const struct loc *loc)
{
	struct sym *s = arena_alloc(rs->arena, sizeof(*s));
	s->name = name;
	s->kind = kind;
	s->loc = *loc;
	return s;
}

struct sym *global_find(struct rs *rs, const char *name)
{
	for (int i = 0; i < rs->nglobals; i++)
		if (strcmp(rs->globals[i]->name, name) == 0)
			return rs->globals[i];
	return NULL;
}

const char *similar_vars(struct rs *rs, const struct handler *h, const char *name, bool arrays)
{
	struct suggest sug;
	suggest_init(&sug, name);
	/* The library's own globals start with "_": no user means those. */
	for (int i = 0; i < rs->nglobals; i++)
		if (rs->globals[i]->name[0] != '_' && (!arrays || !rs->globals[i]->scalar_use))
			suggest_add(&sug, rs->globals[i]->name);
	for (int i = 0; h && i < h->nlocals; i++)
		if (strcmp(h->locals[i]->name, name) != 0 && h->locals[i]->type != TYPE_UNKNOWN)
			suggest_add(&sug, h->locals[i]->name);
	const char *list = suggest_list(&sug);
	return list ? arena_printf(rs->arena, " (similar: %s)", list) : "";
}

static void global_add(struct rs *rs, struct sym *s)
{
	if (rs->nglobals == rs->cap_globals) {
		rs->cap_globals = rs->cap_globals ? 2 * rs->cap_globals : 16;
		struct sym **g = arena_alloc(rs->arena, rs->cap_globals * sizeof(*g));
		if (rs->nglobals)
			memcpy(g, rs->globals, rs->nglobals * sizeof(*g));
		rs->globals = g;
	}
	s->index = rs->nglobals;
	rs->globals[rs->nglobals++] = s;
}

struct sym *local_find(struct handler *h, const char *name)
{
	for (int i = 0; i < h->nlocals; i++)
		if (strcmp(h->locals[i]->name, name) == 0)
			return h->locals[i];
	return NULL;
}

static struct sym *local_add(struct rs *rs, struct handler *h, const char *name,
			     enum sym_kind kind, const struct loc *loc)
{
	/* Handlers have few locals; growing by copying keeps the arena simple. */
	struct sym **l = arena_alloc(rs->arena, (h->nlocals + 1) * sizeof(*l));
	if (h->nlocals)
		memcpy(l, h->locals, h->nlocals * sizeof(*l));
	struct sym *s = sym_new(rs, name, kind, loc);
	s->index = h->nlocals;
	l[h->nlocals++] = s;
	h->locals = l;
	return s;
}

/* A plain name: a local or parameter of the handler, else a global, else a
 * new local (SystemTap's rule: locals spring into being on first use). */
struct sym *bind_name(struct rs *rs, const char *name, const struct loc *loc)
{
	struct sym *s = local_find(rs->h, name);
	if (!s)
		s = global_find(rs, name);
	if (!s)
		s = local_add(rs, rs->h, name, SYM_LOCAL, loc);
	return s;
}

struct func *func_find(struct script *s, const char *name, int arity)
{
	struct func *other = NULL;
	for (struct func *f = s->funcs; f; f = f->next) {
		if (strcmp(f->name, name) != 0)
			continue;
		if (f->nparams == arity)
			return f;
		if (!other)
			other = f;
	}
	return other;
}

struct handler *handler_of(struct rs *rs, const struct func *f)
{
	for (int i = 0; i < rs->out->nfuncs; i++)
		if (rs->out->funcs[i].func == f)
			return &rs->out->funcs[i];
	return NULL;
}

/* ---- statements ---- */

static void walk_stmt(struct rs *rs, struct stmt *s);
static void walk_foreach(struct rs *rs, struct stmt *st);
static void walk_delete(struct rs *rs, struct expr *e);
static void walk_list(struct rs *rs, struct stmt *s)
{
	for (; s; s = s->next)
		walk_stmt(rs, s);
}

static void walk_cond(struct rs *rs, struct expr *e)
{
	enum type t = infer(rs, e, TYPE_LONG, NULL);
	if (t == TYPE_STRING && rs->checking)
		diag_error(&e->loc, "type mismatch: a condition must be a long, not a string");
}

/* foreach ([k1, k2] in a): the loop variables are locals typed like the
 * array's keys and value. */
/* foreach (b in @hist_log(x)), foreach (n = b in …): b goes over the
 * bucket numbers, n is the bucket's count; both longs. */
static void walk_hist_foreach(struct rs *rs, struct stmt *st)
{
	struct foreach *f = st->foreach;
	bool ok = rs->hist_ok;
	rs->hist_ok = true;
	infer(rs, f->hist, TYPE_UNKNOWN, NULL);
	rs->hist_ok = ok;
	if (f->hist->stat != STAT_HIST_LOG && f->hist->stat != STAT_HIST_LINEAR && rs->checking)
		diag_error(&f->hist->loc, "foreach walks an array or the buckets of a histogram, "
			   "not %s", stat_op_name(f->hist->stat));
	if (f->nkeys != 1 && rs->checking)
		diag_error(&f->array_loc, "the buckets of a histogram have one key, the bucket "
			   "number");
	if (!f->key_syms)
		f->key_syms = arena_alloc(rs->arena, (size_t)(f->nkeys + 1) * sizeof(struct sym *));
	for (int i = 0; i < f->nkeys; i++) {
		struct sym *k = bind_name(rs, f->keys[i], &f->key_locs[i]);
		f->key_syms[i] = k;
		k->written = true;
		sym_unify(rs, k, TYPE_LONG, &f->key_locs[i]);
	}
	if (f->value) {
		f->value_sym = bind_name(rs, f->value, &f->value_loc);
		f->value_sym->written = true;
		sym_unify(rs, f->value_sym, TYPE_LONG, &f->value_loc);
	}
	if (f->limit)
		expect(rs, f->limit, TYPE_LONG, "a limit");
	rs->loop_depth++;
	walk_stmt(rs, st->body);
	rs->loop_depth--;
}

static void walk_foreach(struct rs *rs, struct stmt *st)
{
	struct foreach *f = st->foreach;
	if (f->hist) {
		walk_hist_foreach(rs, st);
		return;
	}
	struct sym *a = bind_array(rs, f->array, &f->array_loc, f->nkeys);
	f->array_sym = a;
	if (!f->key_syms)
		f->key_syms = arena_alloc(rs->arena, (size_t)(f->nkeys + 1) * sizeof(struct sym *));
	for (int i = 0; i < f->nkeys; i++) {
		struct sym *k = local_find(rs->h, f->keys[i]);
		if (!k && global_find(rs, f->keys[i])) {
			if (rs->checking)
				diag_error(&f->key_locs[i], "'%s' is a global; a loop variable must be "
					   "a local", f->keys[i]);
			continue;
		}
		if (!k)
			k = local_add(rs, rs->h, f->keys[i], SYM_LOCAL, &f->key_locs[i]);
		f->key_syms[i] = k;
		k->written = true;
		/* No array, or no such key: reported at the array already. */
		if (!a || i >= a->nkeys)
			k->poisoned = true;
		if (a && i < MAX_KEYS) {
			if (a->key_types[i] == TYPE_UNKNOWN && k->type != TYPE_UNKNOWN) {
				a->key_types[i] = k->type;
				rs->changed = true;
			}
			sym_unify(rs, k, a->key_types[i], &f->key_locs[i]);
		}
	}
	if (f->value) {
		struct sym *v = local_find(rs->h, f->value);
		if (!v && global_find(rs, f->value)) {
			if (rs->checking)
				diag_error(&f->value_loc, "'%s' is a global; a loop variable must be a "
					   "local", f->value);
		} else {
			if (!v)
				v = local_add(rs, rs->h, f->value, SYM_LOCAL, &f->value_loc);
			f->value_sym = v;
			if (!a)
				v->poisoned = true;
			if (a && a->type == TYPE_STAT) {
				if (rs->checking)
					diag_error(&f->value_loc, "'%s' holds statistics; read them with "
						   "@count(%s[…]) and the like in the loop", f->array,
						   f->array);
			} else if (a) {
				if (a->type == TYPE_UNKNOWN && v->type != TYPE_UNKNOWN)
					sym_unify(rs, a, v->type, &f->value_loc);
				sym_unify(rs, v, a->type, &f->value_loc);
			}
		}
	}
	if (f->has_aggr && a && a->type != TYPE_STAT && a->type != TYPE_UNKNOWN && rs->checking)
		diag_error(&f->array_loc, "'%s' holds no statistics, so it cannot be sorted by %s",
			   f->array, stat_op_name(f->sort_aggr));
	if (f->limit)
		expect(rs, f->limit, TYPE_LONG, "a limit");
	rs->loop_depth++;
	walk_stmt(rs, st->body);
	rs->loop_depth--;
}

/* delete a[k] removes an element, delete a every element, delete x resets
 * a scalar (or a statistic) to its initial value. */
static void walk_delete(struct rs *rs, struct expr *e)
{
	if (e->kind == EXPR_INDEX) {
		struct sym *s = bind_array(rs, e->name, &e->name_loc, ast_count(e->args));
		e->sym = s;
		infer_keys(rs, s, e->args);
		return;
	}
	if (e->kind != EXPR_VAR) {
		if (rs->checking)
			diag_error(&e->loc, "delete takes a variable, an array or an array element");
		infer(rs, e, TYPE_UNKNOWN, NULL);
		return;
	}
	if (!e->sym)
		e->sym = bind_name(rs, e->name, &e->loc);
}

/* catch (msg): a string variable, a local unless a global has the name,
 * that the handler finds the message in. */
static void walk_catch_var(struct rs *rs, struct expr *e)
{
	if (!e->sym)
		e->sym = bind_name(rs, e->name, &e->loc);
	if (!e->sym)
		return;
	if (e->sym->is_array || e->sym->type == TYPE_STAT) {
		if (rs->checking)
			diag_error(&e->loc, "'%s' is %s; the variable of a catch holds its "
				   "message, a string", e->name,
				   e->sym->is_array ? "an array" : "a statistic");
		return;
	}
	e->sym->written = true;
	sym_unify(rs, e->sym, TYPE_STRING, &e->loc);
}

static void walk_stmt(struct rs *rs, struct stmt *s)
{
	switch (s->kind) {
	case STMT_BLOCK:
		walk_list(rs, s->body);
		break;
	case STMT_EXPR:
		infer(rs, s->expr, TYPE_UNKNOWN, NULL);
		break;
	case STMT_IF:
		walk_cond(rs, s->expr);
		walk_stmt(rs, s->body);
		if (s->else_body)
			walk_stmt(rs, s->else_body);
		break;
	case STMT_WHILE:
		walk_cond(rs, s->expr);
		rs->loop_depth++;
		walk_stmt(rs, s->body);
		rs->loop_depth--;
		break;
	case STMT_FOR:
		if (s->init)
			walk_stmt(rs, s->init);
		if (s->expr)
			walk_cond(rs, s->expr);
		if (s->step)
			walk_stmt(rs, s->step);
		rs->loop_depth++;
		walk_stmt(rs, s->body);
		rs->loop_depth--;
		break;
	case STMT_FOREACH:
		walk_foreach(rs, s);
		break;
	case STMT_TRY:
		walk_stmt(rs, s->body);
		if (s->expr)
			walk_catch_var(rs, s->expr);
		walk_stmt(rs, s->else_body);
		break;
	case STMT_BREAK:
	case STMT_CONTINUE:
		if (rs->loop_depth == 0 && rs->checking)
			diag_error(&s->loc, "'%s' outside a loop",
				   s->kind == STMT_BREAK ? "break" : "continue");
		break;
	case STMT_NEXT:
		/* In a function too: it leaves the probe that called it. */
		break;
	case STMT_RETURN:
		if (!rs->h->func) {
			if (rs->checking)
				diag_error(&s->loc, "'return' outside a function (use 'next' to leave "
					   "a probe)");
			break;
		}
		if (s->expr) {
			struct func *f = rs->h->func;
			enum type t = infer(rs, s->expr, f->ret_type, NULL);
			if (f->ret_type == TYPE_UNKNOWN && t != TYPE_UNKNOWN) {
				f->ret_type = t;
				rs->changed = true;
			} else if (t != TYPE_UNKNOWN && t != f->ret_type && rs->checking) {
				diag_error(&s->expr->loc, "type mismatch: '%s' returns a %s, not a %s",
					   f->name, type_name(f->ret_type), type_name(t));
			}
		}
		break;
	case STMT_DELETE:
		walk_delete(rs, s->expr);
		break;
	case STMT_EMPTY:
		break;
	}
}

/* ---- probes and functions ---- */

static bool point_is(const struct probe_point *pp, const char *first, const char *last)
{
	const struct pp_comp *c = pp->comps, *l = c;
	while (l->next)
		l = l->next;
	return (!first || strcmp(c->name, first) == 0) && (!last || strcmp(l->name, last) == 0);
}

static void walk_handler(struct rs *rs, struct handler *h)
{
	rs->h = h;
	rs->loop_depth = 0;
	rs->in_return_probe = rs->in_process_probe = rs->in_target_probe = false;
	if (h->probe) {
		rs->in_return_probe = rs->in_process_probe = rs->in_target_probe = true;
		for (struct probe_point *pp = h->probe->points; pp; pp = pp->next) {
			if (!point_is(pp, "process", NULL))
				rs->in_process_probe = false;
			if (!point_is(pp, "process", NULL) && !point_is(pp, "kernel", "trace"))
				rs->in_target_probe = false;
			if (!point_is(pp, "process", "return"))
				rs->in_return_probe = false;
		}
		walk_stmt(rs, h->probe->body);
	} else {
		walk_stmt(rs, h->func->body);
	}
}

static void declare_globals(struct rs *rs)
{
	for (struct global *g = rs->script->globals; g; g = g->next) {
		struct sym *prev = global_find(rs, g->name);
		if (prev) {
			diag_error(&g->loc, "global '%s' is declared twice", g->name);
			diag_note(&prev->loc, "first declared here");
			g->sym = prev;
			continue;
		}
		struct sym *s = sym_new(rs, g->name, SYM_GLOBAL, &g->loc);
		s->decl = g;
		if (g->is_array_decl) {
			s->is_array = true;
			s->max_entries = g->size;
		}
		if (g->init) {
			s->type = g->init->kind == EXPR_STR ? TYPE_STRING : TYPE_LONG;
			s->type_loc = g->init->loc;
		}
		g->sym = s;
		global_add(rs, s);
	}
}

static void declare_funcs(struct rs *rs)
{
	int n = 0;
	for (struct func *f = rs->script->funcs; f; f = f->next)
		n++;
	rs->out->funcs = arena_alloc(rs->arena, (n ? n : 1) * sizeof(struct handler));
	rs->out->nfuncs = n;
	int i = 0;
	for (struct func *f = rs->script->funcs; f; f = f->next, i++) {
		/* SystemTap's overloading: one name, several numbers of
		 * parameters, each a function of its own. */
		for (struct func *g = rs->script->funcs; g != f; g = g->next)
			if (strcmp(g->name, f->name) == 0 && g->nparams == f->nparams) {
				diag_error(&f->loc, "function '%s' is defined twice", f->name);
				diag_note(&g->loc, "first defined here");
				break;
			}
		if (builtin_find(f->name))
			diag_error(&f->loc, "'%s' is a builtin function and cannot be redefined",
				   f->name);
		struct handler *h = &rs->out->funcs[i];
		h->func = f;
		f->ret_type = f->declared;
		for (struct param *p = f->params; p; p = p->next) {
			if (local_find(h, p->name))
				diag_error(&p->loc, "parameter '%s' is declared twice", p->name);
			struct sym *s = local_add(rs, h, p->name, SYM_PARAM, &p->loc);
			s->type = p->declared;
			if (p->declared != TYPE_UNKNOWN) {
				s->type_loc = p->loc;
				s->type_declared = true;
			}
		}
		f->param_syms = h->locals;
	}
}

static void check_types_known(struct rs *rs, struct handler *h)
{
	for (int i = 0; i < h->nlocals; i++) {
		struct sym *s = h->locals[i];
		/* A local that is only read may be a misspelt global or local. */
		if (s->type == TYPE_UNKNOWN && !s->poisoned)
			diag_error(&s->loc, "cannot infer the type of '%s'%s%s", s->name,
				   s->kind == SYM_PARAM ? "; declare it, as in 'name:long'" : "",
				   s->kind == SYM_PARAM ? "" : similar_vars(rs, h, s->name, false));
	}
}

int resolve_script(struct script *s, const struct compile_opts *opts, struct resolved *out)
{
	int errors_before = diag_errors();
	struct rs rs = { .script = s, .opts = opts, .arena = s->arena, .out = out };
	memset(out, 0, sizeof(*out));
	declare_globals(&rs);
	declare_funcs(&rs);
	out->probes = arena_alloc(rs.arena, (s->nprobes ? s->nprobes : 1) * sizeof(struct handler));
	for (struct probe *p = s->probes; p; p = p->next)
		out->probes[p->id].probe = p;

	do {
		rs.changed = false;
		for (int i = 0; i < out->nfuncs; i++)
			walk_handler(&rs, &out->funcs[i]);
		for (int i = 0; i < s->nprobes; i++)
			walk_handler(&rs, &out->probes[i]);
	} while (rs.changed);

	rs.checking = true;
	for (int i = 0; i < out->nfuncs; i++)
		walk_handler(&rs, &out->funcs[i]);
	for (int i = 0; i < s->nprobes; i++)
		walk_handler(&rs, &out->probes[i]);
	usage_mark_recursion(s, out);
	if (diag_errors() == errors_before)
		usage_check_foreach(s, out);

	for (int i = 0; i < out->nfuncs; i++)
		if (!out->funcs[i].func->embedded)
			check_types_known(&rs, &out->funcs[i]);
	for (int i = 0; i < s->nprobes; i++)
		check_types_known(&rs, &out->probes[i]);
	usage_mark(s, out);
	embedded_check(s);
	for (int i = 0; i < rs.nglobals; i++) {
		struct sym *g = rs.globals[i];
		/* One that no code names is elided, unless -u keeps it. */
		if (g->decl && g->decl->unnamed && !opts->unoptimized)
			continue;
		if (g->type == TYPE_UNKNOWN && !g->poisoned && (!g->is_array || g->nkeys))
			diag_error(&g->loc, "cannot infer the type of global '%s'", g->name);
		for (int k = 0; g->is_array && k < g->nkeys && k < MAX_KEYS; k++)
			if (g->key_types[k] == TYPE_UNKNOWN && !g->poisoned)
				diag_error(&g->keys_loc, "cannot infer the type of key %d of '%s'",
					   k + 1, g->name);
	}
	out->globals = rs.globals;
	out->nglobals = rs.nglobals;
	return diag_errors() > errors_before ? -1 : 0;
}

/* ---- -p2 ---- */

static void print_sym(FILE *out, const struct sym *s)
{
	fputs(s->name, out);
	if (s->is_array) {
		fputc('[', out);
		for (int i = 0; i < s->nkeys && i < MAX_KEYS; i++)
			fprintf(out, "%s%s", i ? "," : "", type_name(s->key_types[i]));
		fputc(']', out);
	}
	fprintf(out, ":%s", type_name(s->type));
	if (s->shape.hist == HIST_LOG)
		fputs(" @hist_log", out);
	else if (s->shape.hist == HIST_LINEAR)
		fprintf(out, " @hist_linear(%" PRId64 ", %" PRId64 ", %" PRId64 ")", s->shape.lo,
			s->shape.hi, s->shape.step);
}

void resolve_print(const struct script *s, const struct resolved *r, FILE *out)
{
	fprintf(out, "# globals\n");
	for (int i = 0; i < r->nglobals; i++) {
		print_sym(out, r->globals[i]);
		fputc('\n', out);
	}
	fprintf(out, "# functions\n");
	for (int i = 0; i < r->nfuncs; i++) {
		const struct handler *h = &r->funcs[i];
		const struct func *f = h->func;
		if (f->unused)
			continue;
		fprintf(out, "%s:%s (", f->name, type_name(f->ret_type));
		for (int k = 0; k < f->nparams; k++) {
			if (k)
				fputs(", ", out);
			print_sym(out, h->locals[k]);
		}
		fputc(')', out);
		if (h->nlocals > f->nparams) {
			fputs(" locals:", out);
			for (int k = f->nparams; k < h->nlocals; k++) {
				fputc(' ', out);
				print_sym(out, h->locals[k]);
			}
		}
		fputc('\n', out);
	}
	(void)s;
}
