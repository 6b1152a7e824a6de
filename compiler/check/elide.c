/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elide.c — leaving out what runs without effect; see elide.h.
 *
 * Which variables are read follows SystemTap's rule: a variable is read
 * wherever it is named, except as the target of a plain `=` (or `<<<`),
 * where it is written; `x += 1`, `x++` and `delete x` both read and write
 * it, a loop variable of foreach and the variable of a catch are written.
 * Only a plain `=` to a local that nothing reads is ever left out: a
 * global keeps its every write, for the end of the run prints it. */
#include "elide.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "compile.h"
#include "parse/arena.h"
#include "parse/diag.h"
#include "usage.h"

static bool in_library(const struct loc *l)
{
	return l->file && l->file->library;
}

/* A set of strings, for the warnings given: a script generated with
 * thousands of probes may draw thousands of them. */
struct strset {
	const char **slots;      /* open addressing; NULL: free */
	size_t cap, n;
};

static size_t str_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Adds s (the arena's copy of it) unless there; true if it was there. */
static bool strset_seen(struct strset *set, struct arena *a, const char *s)
{
	if (2 * (set->n + 1) > set->cap) {
		struct strset grown = { .cap = set->cap ? 2 * set->cap : 64 };
		grown.slots = arena_alloc(a, grown.cap * sizeof(*grown.slots));
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i])
				strset_seen(&grown, a, set->slots[i]);
		*set = grown;
	}
	size_t i = str_hash(s) & (set->cap - 1);
	for (; set->slots[i]; i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slots[i], s) == 0)
			return true;
	set->slots[i] = arena_strdup(a, s);
	set->n++;
	return false;
}

struct elide {
	struct script *s;
	struct resolved *r;
	int verbose;
	bool changed;
	char *reached;           /* per function: a probe calls it, now */
	char *effect;            /* per function: calling it has an effect */
	struct strset texts;     /* the warnings' messages given, or held back */
	struct strset places;    /* each with its place */
	int suppressed;          /* held back for saying again what was said */
};

/* SystemTap's warnings, for the user's own files only.  stap gives a
 * message once, at the first place, unless -v; the same message at the
 * same place again comes from one text copied (an alias's body in each
 * of its uses) and is never given twice. */
static void warn(struct elide *x, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void warn(struct elide *x, const struct loc *loc, const char *fmt, ...)
{
	if (!loc->file || in_library(loc))
		return;
	char text[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	char place[512];
	snprintf(place, sizeof(place), "%s@%p:%d:%d", text, (const void *)loc->file, loc->line,
		 loc->col);
	if (strset_seen(&x->places, x->s->arena, place))
		return;
	if (strset_seen(&x->texts, x->s->arena, text) && x->verbose == 0) {
		x->suppressed++;
		return;
	}
	diag_warning(loc, "%s", text);
}

/* The locals that slices make ("slice#1") are no user's to hear about. */
static bool named_by_user(const struct sym *y)
{
	return !strchr(y->name, '#');
}

static int func_index(const struct elide *x, const struct func *f)
{
	return usage_func_index(x->s, f);
}

/* Builtins known to do nothing but give their value; reading memory is
 * among them, though it may fault.  Any other builtin (output, exit,
 * error, and every builtin not listed, new ones included) is taken to
 * have effects. */
static bool builtin_pure(int id)
{
	switch (id) {
	case BI_sprintf: case BI_sprint:
	case BI_pid: case BI_tid: case BI_ppid: case BI_uid: case BI_gid: case BI_cpu:
	case BI_target: case BI_execname: case BI_pp: case BI_probefunc: case BI_ppfunc:
	case BI_gettimeofday_s: case BI_gettimeofday_ms: case BI_gettimeofday_us:
	case BI_gettimeofday_ns: case BI_local_clock_ns:
	case BI_int_arg: case BI_uint_arg: case BI_long_arg: case BI_ulong_arg:
	case BI_pointer_arg: case BI_returnval:
	case BI_user_string: case BI_user_string_n: case BI_user_long: case BI_user_int:
	case BI_user_short: case BI_user_char:
	case BI_kernel_string: case BI_kernel_string2: case BI_kernel_string_n:
	case BI_kernel_string_quoted: case BI_kernel_long: case BI_kernel_int:
	case BI_kernel_short: case BI_kernel_char: case BI_kernel_pointer:
	case BI_user_mode: case BI_addr: case BI_uaddr: case BI_task_current: case BI_task_pid: case BI_task_tid:
	case BI_task_parent: case BI_task_state: case BI_task_execname: case BI_task_uid:
	case BI_task_euid: case BI_task_gid: case BI_task_egid: case BI_task_cpu:
	case BI_task_nice: case BI_task_prio: case BI_errno_str:
	case BI_strlen: case BI_substr: case BI_stringat: case BI_isinstr: case BI_strtol:
	case BI_text_str:
	case BI_sprint_ubacktrace: case BI_ubacktrace: case BI_usymname: case BI_usymdata:
	case BI_umodname: case BI_sprint_ustack: case BI_ucallers:
	case BI_sprint_backtrace: case BI_backtrace: case BI_symname: case BI_symdata:
	case BI_modname:
		return true;
	default:
		return false;
	}
}

/* ---- effects ---- */

static bool expr_effect(const struct elide *x, const struct expr *e, bool locals);

static bool list_effect(const struct elide *x, const struct expr *e, bool locals)
{
	for (; e; e = e->next)
		if (expr_effect(x, e, locals))
			return true;
	return false;
}

/* Whether evaluating e does more than give its value.  With `locals`, a
 * write to a local counts (e is a statement's, and the local the
 * handler's own); without, e is in a function whose callers see only its
 * writes to globals. */
static bool expr_effect(const struct elide *x, const struct expr *e, bool locals)
{
	if (!e)
		return false;
	switch (e->kind) {
	case EXPR_ASSIGN:
	case EXPR_INCDEC:
	case EXPR_STAT_ADD: {
		const struct expr *t = e->lhs;
		if ((t->kind != EXPR_VAR && t->kind != EXPR_INDEX) || !t->sym ||
		    t->sym->kind == SYM_GLOBAL || locals)
			return true;
		break;
	}
	case EXPR_CALL:
		if (e->builtin ? !builtin_pure(e->builtin->id) :
		    !e->func || x->effect[func_index(x, e->func)])
			return true;
		break;
	case EXPR_EMBEDDED:
		return true;
	default:
		break;
	}
	if (list_effect(x, e->args, locals) || expr_effect(x, e->lhs, locals) ||
	    expr_effect(x, e->rhs, locals) || expr_effect(x, e->cond, locals))
		return true;
	for (const struct target_suffix *s = e->suffix; s; s = s->next)
		if (expr_effect(x, s->index, locals))
			return true;
	return false;
}

static bool global_sym(const struct expr *e)
{
	return e && (!e->sym || e->sym->kind == SYM_GLOBAL);
}

/* The effects a function's body has for its callers.  SystemTap takes a
 * sorted foreach for a write to its array; `next` leaves the caller's
 * probe. */
static bool body_effect(const struct elide *x, const struct stmt *st)
{
	for (; st; st = st->next) {
		if (st->kind == STMT_NEXT)
			return true;
		if (st->kind == STMT_DELETE && global_sym(st->expr))
			return true;
		if (st->kind == STMT_TRY && st->expr && global_sym(st->expr))
			return true;
		const struct foreach *f = st->foreach;
		if (f && f->sort_dir && f->array_sym && f->array_sym->kind == SYM_GLOBAL)
			return true;
		if (expr_effect(x, st->expr, false) || body_effect(x, st->body) ||
		    body_effect(x, st->else_body) || body_effect(x, st->init) ||
		    body_effect(x, st->step))
			return true;
		if (f && (expr_effect(x, f->limit, false) || expr_effect(x, f->hist, false)))
			return true;
	}
	return false;
}

/* Each function's effects, calls included: a function has some when its
 * body does or it calls one that has, until no more are found. */
static void find_effects(struct elide *x)
{
	int n = x->r->nfuncs;
	x->effect = arena_alloc(x->s->arena, (size_t)n + 1);
	for (bool more = true; more;) {
		more = false;
		for (int i = 0; i < n; i++) {
			const struct func *f = x->r->funcs[i].func;
			if (!x->effect[i] && (f->embedded || body_effect(x, f->body))) {
				x->effect[i] = 1;
				more = true;
			}
		}
	}
}

/* ---- what runs reads and names ---- */

static void mark_stmts(struct elide *x, struct stmt *st);
static void mark_expr(struct elide *x, struct expr *e);

static void mark_list(struct elide *x, struct expr *e)
{
	for (; e; e = e->next)
		mark_expr(x, e);
}

static void reach(struct elide *x, struct func *f)
{
	int i = func_index(x, f);
	if (i < 0 || x->reached[i])
		return;
	x->reached[i] = 1;
	mark_stmts(x, f->body);
}

/* The target of a write: read too if `read`. */
static void mark_target(struct elide *x, struct expr *t, bool read)
{
	if ((t->kind == EXPR_VAR || t->kind == EXPR_INDEX) && t->sym) {
		t->sym->live_ref = true;
		t->sym->live_read |= read;
		mark_list(x, t->args);
	} else {
		mark_expr(x, t);
	}
}

static void mark_expr(struct elide *x, struct expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_VAR:
	case EXPR_INDEX:
	case EXPR_IN:
		if (e->sym)
			e->sym->live_read = e->sym->live_ref = true;
		mark_list(x, e->args);
		return;
	case EXPR_ASSIGN:
		mark_target(x, e->lhs, e->op != OP_NONE);
		mark_expr(x, e->rhs);
		return;
	case EXPR_INCDEC:
		mark_target(x, e->lhs, true);
		return;
	case EXPR_STAT_ADD:
		mark_target(x, e->lhs, false);
		mark_expr(x, e->rhs);
		return;
	case EXPR_CALL:
		mark_list(x, e->args);
		if (e->func)
			reach(x, e->func);
		return;
	default:
		mark_list(x, e->args);
		mark_expr(x, e->lhs);
		mark_expr(x, e->rhs);
		mark_expr(x, e->cond);
		for (struct target_suffix *s = e->suffix; s; s = s->next)
			mark_expr(x, s->index);
		return;
	}
}

static void mark_written(struct sym *y)
{
	if (y)
		y->live_ref = true;
}

static void mark_stmts(struct elide *x, struct stmt *st)
{
	for (; st; st = st->next) {
		if (st->kind == STMT_TRY) {
			/* The catch's variable is written, not read. */
			if (st->expr)
				mark_written(st->expr->sym);
		} else {
			mark_expr(x, st->expr);
		}
		mark_stmts(x, st->body);
		mark_stmts(x, st->else_body);
		mark_stmts(x, st->init);
		mark_stmts(x, st->step);
		struct foreach *f = st->foreach;
		if (!f)
			continue;
		if (f->array_sym)
			f->array_sym->live_read = f->array_sym->live_ref = true;
		for (int i = 0; f->key_syms && i < f->nkeys; i++)
			mark_written(f->key_syms[i]);
		mark_written(f->value_sym);
		mark_expr(x, f->limit);
		mark_expr(x, f->hist);
	}
}

static void clear_marks(struct handler *h)
{
	for (int i = 0; i < h->nlocals; i++)
		h->locals[i]->live_read = h->locals[i]->live_ref = false;
}

static void mark(struct elide *x)
{
	struct resolved *r = x->r;
	memset(x->reached, 0, (size_t)r->nfuncs + 1);
	for (int i = 0; i < r->nglobals; i++)
		r->globals[i]->live_read = r->globals[i]->live_ref = false;
	for (int i = 0; i < r->nfuncs; i++)
		clear_marks(&r->funcs[i]);
	for (int i = 0; i < x->s->nprobes; i++)
		clear_marks(&r->probes[i]);
	for (int i = 0; i < x->s->nprobes; i++)
		mark_stmts(x, r->probes[i].probe->body);
}

/* ---- the steps ---- */

/* Where a variable is named: its declaration, or its first use, up to the
 * end of the name (a global's declaration goes on to its initialiser). */
static struct loc name_loc(const struct sym *y)
{
	struct loc l = y->loc;
	int end = l.col + (int)strlen(y->name) - 1;
	if (l.line == l.end_line && end < l.end_col)
		l.end_col = end;
	return l;
}

static void drop_functions(struct elide *x)
{
	for (int i = 0; i < x->r->nfuncs; i++) {
		struct func *f = x->r->funcs[i].func;
		if (x->reached[i] || f->unused)
			continue;
		f->unused = true;
		warn(x, &f->loc, "Eliding unused function '%s'", f->name);
	}
}

/* A handler's locals that nothing names any more; parameters stay. */
static void drop_locals(struct elide *x, struct handler *h, int nparams)
{
	int n = nparams;
	for (int i = nparams; i < h->nlocals; i++) {
		struct sym *y = h->locals[i];
		if (!y->live_ref) {
			struct loc l = name_loc(y);
			if (named_by_user(y))
				warn(x, &l, "Eliding unused variable '%s'", y->name);
			continue;
		}
		y->index = n;
		h->locals[n++] = y;
	}
	h->nlocals = n;
}

static void drop_variables(struct elide *x)
{
	struct resolved *r = x->r;
	for (int i = 0; i < r->nfuncs; i++)
		if (x->reached[i])
			drop_locals(x, &r->funcs[i], r->funcs[i].func->nparams);
	for (int i = 0; i < x->s->nprobes; i++)
		drop_locals(x, &r->probes[i], 0);
	int n = 0;
	for (int i = 0; i < r->nglobals; i++) {
		struct sym *g = r->globals[i];
		if (!g->live_ref) {
			struct loc l = name_loc(g);
			warn(x, &l, "Eliding unused variable '%s'", g->name);
			continue;
		}
		g->index = n;
		r->globals[n++] = g;
	}
	r->nglobals = n;
}

/* `x = e` where nothing reads the local x becomes `e`; *ep is one
 * expression (of a list, whose next it keeps). */
static void drop_assign(struct elide *x, struct expr **ep)
{
	struct expr *e = *ep;
	if (!e)
		return;
	if (e->kind == EXPR_ASSIGN && e->op == OP_NONE && e->lhs->kind == EXPR_VAR &&
	    e->lhs->sym && e->lhs->sym->kind != SYM_GLOBAL && !e->lhs->sym->live_read) {
		if (named_by_user(e->lhs->sym))
			warn(x, &e->op_loc, "Eliding assignment to '%s'", e->lhs->sym->name);
		e->rhs->next = e->next;
		e->rhs->printed |= e->printed;
		*ep = e->rhs;
		x->changed = true;
		drop_assign(x, ep);
		return;
	}
	for (struct expr **a = &e->args; *a; a = &(*a)->next)
		drop_assign(x, a);
	drop_assign(x, &e->lhs);
	drop_assign(x, &e->rhs);
	drop_assign(x, &e->cond);
	for (struct target_suffix *s = e->suffix; s; s = s->next)
		drop_assign(x, &s->index);
}

static void drop_assigns(struct elide *x, struct stmt *st)
{
	for (; st; st = st->next) {
		if (st->kind == STMT_TRY && st->expr && st->expr->sym &&
		    st->expr->sym->kind != SYM_GLOBAL && !st->expr->sym->live_read) {
			/* A catch whose message nothing reads does without. */
			st->expr = NULL;
			x->changed = true;
		}
		if (st->kind != STMT_TRY)
			drop_assign(x, &st->expr);
		drop_assigns(x, st->body);
		drop_assigns(x, st->else_body);
		drop_assigns(x, st->init);
		drop_assigns(x, st->step);
		if (st->foreach) {
			drop_assign(x, &st->foreach->limit);
			drop_assign(x, &st->foreach->hist);
		}
	}
}

/* Whether a statement list runs nothing at all. */
static bool nothing(const struct stmt *st)
{
	for (; st; st = st->next)
		if (st->kind != STMT_EMPTY && (st->kind != STMT_BLOCK || !nothing(st->body)))
			return false;
	return true;
}

static bool loop_vars_read(const struct foreach *f)
{
	for (int i = 0; f->key_syms && i < f->nkeys; i++)
		if (f->key_syms[i] && f->key_syms[i]->live_read)
			return true;
	return f->value_sym && f->value_sym->live_read;
}

/* Whether st goes, now that what is inside it went. */
static bool droppable(struct elide *x, const struct stmt *st)
{
	switch (st->kind) {
	case STMT_EMPTY:
		return true;
	case STMT_BLOCK:
		return nothing(st->body);
	case STMT_EXPR:
		if (expr_effect(x, st->expr, true))
			return false;
		warn(x, &st->loc, "Eliding side-effect-free expression");
		break;
	case STMT_IF:
		if (!nothing(st->body) || !nothing(st->else_body) || expr_effect(x, st->expr, true))
			return false;
		break;
	case STMT_WHILE:
		if (!nothing(st->body) || expr_effect(x, st->expr, true))
			return false;
		break;
	case STMT_FOR:
		if (!nothing(st->body) || expr_effect(x, st->expr, true) ||
		    (st->init && expr_effect(x, st->init->expr, true)) ||
		    (st->step && expr_effect(x, st->step->expr, true)))
			return false;
		break;
	case STMT_FOREACH:
		if (!nothing(st->body) || loop_vars_read(st->foreach) ||
		    expr_effect(x, st->foreach->limit, true) ||
		    expr_effect(x, st->foreach->hist, true))
			return false;
		break;
	case STMT_TRY:
		/* Nothing to try: its catch never runs. */
		if (!nothing(st->body))
			return false;
		break;
	default:
		return false;
	}
	x->changed = true;
	return true;
}

static void drop_stmts(struct elide *x, struct stmt **list, const struct loc *where,
		       bool keep_one);

static void drop_inside(struct elide *x, struct stmt *st)
{
	switch (st->kind) {
	case STMT_BLOCK:
		drop_stmts(x, &st->body, &st->loc, false);
		break;
	case STMT_IF:
	case STMT_WHILE:
	case STMT_FOR:
	case STMT_FOREACH:
	case STMT_TRY:
		drop_stmts(x, &st->body, &st->loc, true);
		if (st->else_body)
			drop_stmts(x, &st->else_body, &st->loc, true);
		break;
	default:
		break;
	}
}

/* Takes the statements that go out of a list; where one statement must
 * stand (the body of an if or a loop), an empty one takes their place. */
static void drop_stmts(struct elide *x, struct stmt **list, const struct loc *where,
		       bool keep_one)
{
	for (struct stmt **sp = list; *sp;) {
		struct stmt *st = *sp;
		drop_inside(x, st);
		if (droppable(x, st))
			*sp = st->next;
		else
			sp = &st->next;
	}
	if (keep_one && !*list)
		*list = ast_stmt(x->s->arena, STMT_EMPTY, where);
}

/* The code of each handler that runs: the probes and the functions they
 * call. */
static void each_body(struct elide *x, void (*fn)(struct elide *x, struct stmt *body))
{
	for (int i = 0; i < x->s->nprobes; i++)
		fn(x, x->r->probes[i].probe->body);
	for (int i = 0; i < x->r->nfuncs; i++)
		if (x->reached[i])
			fn(x, x->r->funcs[i].func->body);
}

/* The statements without effect of each handler that runs.  A function
 * left with nothing to run draws stap's warning; calls of it go as
 * statements without effect. */
static void drop_dead_stmts(struct elide *x)
{
	/* A body is a block, whose list may end up empty. */
	for (int i = 0; i < x->s->nprobes; i++)
		drop_inside(x, x->r->probes[i].probe->body);
	for (int i = 0; i < x->r->nfuncs; i++) {
		struct func *f = x->r->funcs[i].func;
		if (!x->reached[i] || !f->body)
			continue;
		drop_inside(x, f->body);
		if (nothing(f->body))
			warn(x, &f->loc, "side-effect-free function '%s'", f->name);
	}
}

/* Globals' printing at the end depends on their reads (usage.h), some
 * of which went. */
static void mark_usage_again(struct script *s, struct resolved *r)
{
	for (int i = 0; i < r->nglobals; i++)
		r->globals[i]->read = r->globals[i]->used = false;
	usage_mark(s, r);
}

void elide_script(struct script *s, struct resolved *r, const struct compile_opts *opts)
{
	struct elide x = { .s = s, .r = r, .verbose = opts->verbose };
	x.reached = arena_alloc(s->arena, (size_t)r->nfuncs + 1);
	find_effects(&x);
	/* In SystemTap's order: functions, variables, assignments,
	 * statements; each step may leave more for the others. */
	do {
		x.changed = false;
		mark(&x);
		drop_functions(&x);
		drop_variables(&x);
		each_body(&x, drop_assigns);
		drop_dead_stmts(&x);
	} while (x.changed);
	mark_usage_again(s, r);
	/* A note to the warnings given, silenced with them by -w. */
	if (x.suppressed)
		diag_note(NULL, "Number of similar warning messages suppressed: %d. Rerun "
			  "with -v to see them.", x.suppressed);
}
